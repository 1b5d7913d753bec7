/** Whether this browser can give us a WebGL 2 (or at least WebGL 1) context. */
export function detectWebGL(): { ok: true } | { ok: false; reason: string } {
  if (typeof window === 'undefined' || typeof window.WebGLRenderingContext === 'undefined') {
    return { ok: false, reason: 'This browser does not support WebGL.' };
  }
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) {
      return {
        ok: false,
        reason:
          'WebGL is supported but a context could not be created (it may be disabled, or the GPU is blocklisted).',
      };
    }
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `Creating a WebGL context failed: ${String(err)}` };
  }
}
