import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn in the browser (no request), e.g. the link that follows a ticket. */
export function QrImage({ value, size = 160, label }: { value: string; size?: number; label: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(value, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then((u) => live && setSrc(u));
    return () => {
      live = false;
    };
  }, [value, size]);
  return src ? <img src={src} width={size} height={size} alt={label} /> : <div style={{ width: size, height: size }} />;
}
