/** The page shown instead of the app when the browser cannot draw 3D. */
export function NoWebGL({ reason }: { reason: string }) {
  return (
    <main className="no-webgl" role="main">
      <h1>Needlewise needs WebGL</h1>
      <p>
        The 3D body is drawn with WebGL, and this browser could not provide it.{' '}
        <strong>{reason}</strong>
      </p>
      <h2>What you can try</h2>
      <ul>
        <li>Use a current Chrome, Edge, Firefox or Safari.</li>
        <li>Turn on hardware acceleration in the browser settings, then restart the browser.</li>
        <li>Update the graphics driver; on some managed computers, ask IT to allow WebGL.</li>
        <li>
          Check <a href="https://get.webgl.org/">get.webgl.org</a>: if the cube does not spin there,
          the problem is the browser or the computer, not Needlewise.
        </li>
      </ul>
    </main>
  );
}
