import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { HEAP_GROWING_PERCENT } from '../../src/main/desk/heap-growth'

it('the heap growth a desk host sets at run time is the factor of the next full collection', () => {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--trace-gc-verbose', '--import', 'tsx', join(__dirname, 'heap-growth-child.ts')],
    { encoding: 'utf8' },
  )
  expect(child.status, child.stderr).toBe(0)
  // V8 traces each new limit to stdout with its factor; the last one follows the setting.
  const after = child.stdout.split('\n').filter((line) => /\[HeapController\] Limit:/.test(line))
  expect(after.length).toBeGreaterThan(0)
  const factor = Number(/\(([\d.]+)\)\s*$/.exec(after[after.length - 1]!)?.[1])
  expect(factor).toBe(1 + HEAP_GROWING_PERCENT / 100)
})
