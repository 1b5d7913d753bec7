import { useStore } from '../store/index.ts';
import { CAMERA_PRESETS, type CameraPreset } from '../store/viewSlice.ts';

const SHORT: Record<CameraPreset, { label: string; title: string; key: string }> = {
  front: { label: 'Front', title: 'Front view, anterior', key: '1' },
  back: { label: 'Back', title: 'Back view, posterior', key: '2' },
  left: { label: 'Left', title: "Patient's left side", key: '3' },
  right: { label: 'Right', title: "Patient's right side", key: '4' },
  top: { label: 'Top', title: 'Top view, superior', key: '5' },
};

/** Camera preset buttons over the viewport. */
export function CameraToolbar() {
  const cameraPresetChosen = useStore((s) => s.cameraPresetChosen);
  return (
    <div className="camera-toolbar" role="toolbar" aria-label="Camera views" data-covers-view>
      {CAMERA_PRESETS.map((p) => (
        <button
          key={p}
          type="button"
          className="btn btn-small"
          title={`${SHORT[p].title} (${SHORT[p].key})`}
          aria-label={`${SHORT[p].title} (key ${SHORT[p].key})`}
          onClick={() => cameraPresetChosen(p)}
        >
          {SHORT[p].label}
        </button>
      ))}
    </div>
  );
}
