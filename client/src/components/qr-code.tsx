// A QR code of a URL, drawn as inline SVG; load this module (and the encoder with it) when the code is first asked for.
import { useEffect, useState } from 'react';
import { toString as qrSvg } from 'qrcode';

export function QrCode({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void qrSvg(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((markup) => {
      if (!cancelled) setSvg(markup);
    });
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (!svg) return null;
  return <img className="qr-code" src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={label} width={160} height={160} data-testid="qr-code" />;
}
