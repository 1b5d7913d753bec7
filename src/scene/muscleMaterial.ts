import { MeshStandardMaterial, type MeshStandardMaterialParameters } from 'three';

/**
 * Atlas-style muscle shading: thin dark striations running along the per-vertex fibre direction
 * (the GLB's `_FIBER` attribute, bound as `fiber`). The stripes are the sine of the position
 * projected on the surface direction perpendicular to the fibre; they fade out with `fwidth`
 * where they would be finer than a pixel, so a distant body does not shimmer.
 */
export function createMuscleMaterial(params: MeshStandardMaterialParameters): MeshStandardMaterial {
  const mat = new MeshStandardMaterial(params);
  mat.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        `#include <common>
attribute vec3 fiber;
varying vec3 vFiber;
varying vec3 vObjPos;
varying vec3 vObjNormal;`,
      )
      .replace(
        '#include <begin_vertex>',
        `#include <begin_vertex>
vFiber = fiber;
vObjPos = position;
vObjNormal = objectNormal;`,
      );
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        `#include <common>
varying vec3 vFiber;
varying vec3 vObjPos;
varying vec3 vObjNormal;
float fiberStripes(float spacing, float sharpness) {
  vec3 across = cross(vFiber, normalize(vObjNormal));
  float len = length(across);
  if (len < 1e-3) return 0.0;
  float s = dot(vObjPos, across / len) / spacing;
  float fw = fwidth(s);
  float fade = 1.0 - smoothstep(0.25, 0.6, fw);
  float line = pow(0.5 + 0.5 * cos(6.2831853 * s), sharpness);
  return line * fade;
}`,
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
float striation = 0.55 * fiberStripes(0.0016, 6.0) + 0.35 * fiberStripes(0.0055, 3.0);
diffuseColor.rgb *= 1.0 - 0.45 * clamp(striation, 0.0, 1.0);`,
      );
  };
  mat.customProgramCacheKey = () => 'needlewise-muscle-fibers-v1';
  return mat;
}
