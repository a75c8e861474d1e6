// The stack a spec file runs against, set up the way every desk spec wants it: started once
// before the file's tests, stopped after them, and its processes' output printed when a
// test fails (the server's log is where a failing desk spec's cause usually is).
import { test } from '@playwright/test'
import { startStack, type Stack } from './stack'

/**
 * Registers the file's beforeAll/afterAll/afterEach and returns the stack. Its fields are
 * filled in by beforeAll: read them inside tests, hooks and the helpers they call, not
 * while the file loads.
 */
export function useStack(options?: Parameters<typeof startStack>[0]): Stack {
  const stack = {} as Stack
  let started: Stack | undefined
  test.beforeAll(async () => {
    started = await startStack(options)
    // A Stack is plain data and closures: copying them makes the returned object the stack.
    Object.assign(stack, started)
  })
  test.afterAll(async () => {
    await started?.close()
  })
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
  test.afterEach(async ({}, testInfo) => {
    if (started && testInfo.status !== testInfo.expectedStatus) console.log(started.logs())
  })
  return stack
}
