/**
 * An SVG chart rendered to PNG by resvg (@resvg/resvg-js: prebuilt for each platform, no
 * browser), on white, `scale` times its size, with the system's fonts (Helvetica, Arial or
 * Liberation Sans, whose widths the charts are measured with). Loaded only when asked for.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const rendered = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  }).render();
  return rendered.asPng();
}
