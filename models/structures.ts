/**
 * The registry of every structure the body model contains: its id stem, English name (Terminologia
 * Anatomica), tissue kind, whether it is paired (ids then end -left / -right) and, for muscles,
 * the layer (1 = deepest) that decides which tissue wins where two would overlap.
 *
 * The catalog, the viewer and the needle simulator refer to structures only by these ids.
 */
import type { StructureKind } from '../src/domain/body/manifest.ts';
import { courseSource, DANGER_COURSES } from './anatomy/courseSources.ts';

export interface StructureDef {
  readonly stem: string;
  readonly name: string;
  readonly kind: StructureKind;
  readonly paired: boolean;
  /** Group shown to users, e.g. the three parts of the trapezius share "Trapezius". */
  readonly group?: string;
  /** Muscles: 1 deepest … 4 most superficial. */
  readonly layer?: number;
  /** Where the course or shape comes from (shown with the structure). */
  readonly source?: string;
}

const m = (stem: string, name: string, layer: number, group?: string): StructureDef =>
  group
    ? { stem, name, kind: 'muscle', paired: true, layer, group }
    : { stem, name, kind: 'muscle', paired: true, layer };

export const MUSCLES: readonly StructureDef[] = [
  // head and neck
  m('temporalis', 'Temporalis', 2),
  m('masseter', 'Masseter', 2),
  m('sternocleidomastoid', 'Sternocleidomastoid', 3),
  m('scalenes', 'Scalenes (anterior, middle, posterior)', 1),
  m('suboccipital-muscles', 'Suboccipital muscles', 1),
  m('semispinalis-capitis', 'Semispinalis capitis', 2),
  m('splenius-capitis', 'Splenius capitis', 2),
  m('levator-scapulae', 'Levator scapulae', 2),
  m('trapezius-upper', 'Trapezius, upper (descending) part', 4, 'Trapezius'),
  m('trapezius-middle', 'Trapezius, middle (transverse) part', 4, 'Trapezius'),
  m('trapezius-lower', 'Trapezius, lower (ascending) part', 4, 'Trapezius'),
  // shoulder girdle
  m('rhomboid-minor', 'Rhomboid minor', 3),
  m('rhomboid-major', 'Rhomboid major', 3),
  m('supraspinatus', 'Supraspinatus', 2),
  m('infraspinatus', 'Infraspinatus', 2),
  m('teres-minor', 'Teres minor', 2),
  m('teres-major', 'Teres major', 2),
  m('subscapularis', 'Subscapularis', 2),
  m('latissimus-dorsi', 'Latissimus dorsi', 4),
  m('serratus-anterior', 'Serratus anterior', 2),
  m('pectoralis-major', 'Pectoralis major', 4),
  m('pectoralis-minor', 'Pectoralis minor', 2),
  m('deltoid', 'Deltoid', 4),
  // arm and forearm
  m('biceps-brachii', 'Biceps brachii', 3),
  m('triceps-brachii', 'Triceps brachii', 3),
  m('brachioradialis', 'Brachioradialis', 3),
  m('extensor-carpi-radialis-longus', 'Extensor carpi radialis longus', 3),
  m('extensor-carpi-radialis-brevis', 'Extensor carpi radialis brevis', 2),
  m('extensor-digitorum', 'Extensor digitorum', 3),
  // trunk
  m('intercostal-muscles', 'Intercostal muscles', 1),
  m('abdominal-wall', 'Abdominal wall muscles (rectus abdominis, obliques; simplified)', 2),
  m('quadratus-lumborum', 'Quadratus lumborum', 1),
  m('iliocostalis', 'Iliocostalis', 2, 'Erector spinae'),
  m('longissimus', 'Longissimus', 2, 'Erector spinae'),
  m('multifidus', 'Multifidus', 1),
  // hip
  m('gluteus-maximus', 'Gluteus maximus', 4),
  m('gluteus-medius', 'Gluteus medius', 3),
  m('gluteus-minimus', 'Gluteus minimus', 2),
  m('piriformis', 'Piriformis', 2),
  m('tensor-fasciae-latae', 'Tensor fasciae latae', 4),
  m('iliopsoas', 'Iliopsoas', 1),
  // thigh
  m('rectus-femoris', 'Rectus femoris', 4, 'Quadriceps femoris'),
  m('vastus-lateralis', 'Vastus lateralis', 3, 'Quadriceps femoris'),
  m('vastus-medialis', 'Vastus medialis', 3, 'Quadriceps femoris'),
  m('biceps-femoris', 'Biceps femoris', 3, 'Hamstrings'),
  m('semitendinosus', 'Semitendinosus', 3, 'Hamstrings'),
  m('semimembranosus', 'Semimembranosus', 2, 'Hamstrings'),
  m('adductor-longus', 'Adductor longus', 3),
  m('adductor-magnus', 'Adductor magnus', 2),
  // leg and foot
  m('gastrocnemius', 'Gastrocnemius', 4, 'Triceps surae'),
  m('soleus', 'Soleus', 3, 'Triceps surae'),
  m('tibialis-anterior', 'Tibialis anterior', 3),
  m('fibularis-longus', 'Fibularis (peroneus) longus', 3),
  m('plantar-muscles', 'Plantar muscles of the foot', 2),
];

const b = (stem: string, name: string, paired = true): StructureDef => ({
  stem,
  name,
  kind: 'bone',
  paired,
});

export const VERTEBRAE = [
  ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'],
  ...Array.from({ length: 12 }, (_, i) => `t${i + 1}`),
  ...['l1', 'l2', 'l3', 'l4', 'l5'],
];

export const BONES: readonly StructureDef[] = [
  b('skull', 'Skull (cranium)', false),
  b('mandible', 'Mandible', false),
  ...VERTEBRAE.map((v) => b(`vertebra-${v}`, `Vertebra ${v.toUpperCase()}`, false)),
  b('sacrum', 'Sacrum', false),
  b('coccyx', 'Coccyx', false),
  b('hip-bone', 'Hip bone (ilium, ischium, pubis)'),
  ...Array.from({ length: 12 }, (_, i) => b(`rib-${i + 1}`, `Rib ${i + 1}`)),
  {
    stem: 'costal-cartilages',
    name: 'Costal cartilages',
    kind: 'cartilage',
    paired: true,
  },
  b('sternum', 'Sternum', false),
  b('clavicle', 'Clavicle'),
  b('scapula', 'Scapula'),
  b('humerus', 'Humerus'),
  b('radius', 'Radius'),
  b('ulna', 'Ulna'),
  b('hand-bones', 'Bones of the hand (simplified)'),
  b('femur', 'Femur'),
  b('patella', 'Patella'),
  b('tibia', 'Tibia'),
  b('fibula', 'Fibula'),
  b('calcaneus', 'Calcaneus'),
  b('foot-bones', 'Bones of the foot (simplified, without the calcaneus)'),
];

export const ORGANS: readonly StructureDef[] = [
  { stem: 'lung', name: 'Lung', kind: 'lung', paired: true },
  { stem: 'pleura', name: 'Parietal pleura', kind: 'pleura', paired: true },
  { stem: 'kidney', name: 'Kidney', kind: 'organ', paired: true },
  {
    stem: 'heart-and-mediastinum',
    name: 'Heart and mediastinum (simplified)',
    kind: 'organ',
    paired: false,
  },
  {
    stem: 'abdominal-viscera',
    name: 'Abdominal and pelvic viscera (simplified)',
    kind: 'organ',
    paired: false,
  },
  {
    stem: 'neck-viscera',
    name: 'Larynx, trachea, oesophagus and thyroid (simplified)',
    kind: 'organ',
    paired: false,
  },
];

const nv =
  (kind: 'nerve' | 'artery' | 'vein') =>
  (stem: string, name: string, source?: string): StructureDef =>
    source ? { stem, name, kind, paired: true, source } : { stem, name, kind, paired: true };
const n = nv('nerve');
const a = nv('artery');
const v = nv('vein');

export const NEUROVASCULAR: readonly StructureDef[] = [
  n('brachial-plexus', 'Brachial plexus'),
  n('suprascapular-nerve', 'Suprascapular nerve'),
  n('radial-nerve', 'Radial nerve'),
  n('median-nerve', 'Median nerve'),
  n('ulnar-nerve', 'Ulnar nerve'),
  n('sciatic-nerve', 'Sciatic nerve'),
  n('femoral-nerve', 'Femoral nerve'),
  n('common-fibular-nerve', 'Common fibular (peroneal) nerve'),
  n('tibial-nerve', 'Tibial nerve'),
  a('vertebral-artery', 'Vertebral artery'),
  a('common-carotid-artery', 'Common carotid artery'),
  v('internal-jugular-vein', 'Internal jugular vein'),
  a('subclavian-artery', 'Subclavian artery'),
  v('subclavian-vein', 'Subclavian vein'),
  a('femoral-artery', 'Femoral artery'),
  v('femoral-vein', 'Femoral vein'),
  // the danger structures added for the safety review (issue 19): courses and sources in
  // models/anatomy/neurovascular.ts and courseSources.ts
  ...DANGER_COURSES.map(([kind, stem, name]) => nv(kind)(stem, name, courseSource(stem))),
  {
    stem: 'spinal-cord',
    name: 'Spinal cord and dural sac (cauda equina below L1–L2)',
    kind: 'nerve',
    paired: false,
    source: courseSource('spinal-cord'),
  },
];

export const ENVELOPE: readonly StructureDef[] = [
  { stem: 'skin', name: 'Skin', kind: 'skin', paired: false },
  {
    stem: 'subcutaneous-fat',
    name: 'Subcutaneous and intermuscular fat',
    kind: 'fat',
    paired: false,
  },
];

export const ALL_STRUCTURES: readonly StructureDef[] = [
  ...ENVELOPE,
  ...BONES,
  ...ORGANS,
  ...NEUROVASCULAR,
  ...MUSCLES,
];

/** The structure ids of a definition: `stem-left` and `stem-right`, or `stem` alone. */
export function idsOf(def: StructureDef): string[] {
  return def.paired ? [`${def.stem}-left`, `${def.stem}-right`] : [def.stem];
}

export const ALL_STRUCTURE_IDS: readonly string[] = ALL_STRUCTURES.flatMap(idsOf);
