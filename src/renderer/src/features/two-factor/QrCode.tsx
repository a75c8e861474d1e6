// The otpauth:// address as a QR code for the phone to scan: the qrcode package computes
// the modules; they are drawn here as SVG rectangles (no canvas, no injected markup).
import QRCode from 'qrcode'
import { useMemo } from 'react'

const QUIET_ZONE = 4

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, cells } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const dark: { x: number; y: number }[] = []
    for (let y = 0; y < modules.size; y++)
      for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) dark.push({ x, y })
    return { size: modules.size + 2 * QUIET_ZONE, cells: dark }
  }, [text])
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={size * 5}
      height={size * 5}
      shapeRendering="crispEdges"
      data-testid="two-factor-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      {cells.map(({ x, y }) => (
        <rect key={`${x}.${y}`} x={x + QUIET_ZONE} y={y + QUIET_ZONE} width={1} height={1} fill="#000" />
      ))}
    </svg>
  )
}
