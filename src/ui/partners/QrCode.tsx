// A QR code as an image: uqr draws the SVG from the text's modules only, so no text of the
// partner ends up in markup, and an <img> never runs what an SVG might hold anyway.

import { useMemo } from 'preact/hooks';
import { renderSVG } from 'uqr';

export function QrCode({
  value,
  label,
  size = 160,
}: {
  value: string;
  label: string;
  size?: number;
}) {
  const src = useMemo(
    () =>
      `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(value, { ecc: 'M', border: 2 }))}`,
    [value],
  );
  return <img class="qr" src={src} alt={label} width={size} height={size} />;
}
