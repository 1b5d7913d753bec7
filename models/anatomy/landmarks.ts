/** The palpable landmarks of CONTRACTS §2: the bony point and the direction to its skin point. */
import { add, norm, type V3 } from '../lib/sdf.ts';
import { P, SPINE, vert, sided, SOURCES, HEIGHTS } from './frame.ts';

export interface LandmarkPoint {
  point: V3;
  /** Outward direction in which the skin point lies. */
  toward: V3;
  source: string;
}

const POST: V3 = [0, 0, -1];
const ANT: V3 = [0, 0, 1];
const LAT: V3 = [1, 0, 0];
const UP: V3 = [0, 1, 0];
const DOWN: V3 = [0, -1, 0];

export function landmarkBonePoints(): Record<string, LandmarkPoint> {
  const out: Record<string, LandmarkPoint> = {};
  const lv = SOURCES.vertebralLevels!;
  const geo = 'model geometry built from ANSUR II means (see build.sources)';
  const put = (id: string, point: V3, toward: V3, source = geo) => {
    out[id] = { point, toward: norm(toward), source };
  };
  const paired = (id: string, point: V3, toward: V3, source = geo) => {
    put(`${id}-left`, point, toward, source);
    put(`${id}-right`, sided(point, 'right'), sided(toward, 'right'), source);
  };
  put('vertex', P.vertex, UP, `${SOURCES.heights}`);
  put('inion', P.inion, POST);
  paired('mastoid-process', P.mastoid, [0.3, -0.3, -0.5]);
  paired('angle-of-mandible', add(P.angleOfMandible, [0.005, -0.006, -0.004]), [0.7, -0.5, -0.2]);
  for (const v of SPINE) {
    if (v.name === 'c2' || v.name === 'c7' || v.name.startsWith('t') || v.name.startsWith('l')) {
      put(
        `${v.name}-spinous-process`,
        v.spinous,
        POST,
        v.name === 'c7' ? `${SOURCES.heights} (cervicale height)` : `${SOURCES.spine}`,
      );
    }
  }
  put('s2', [0, P.psis[1], SPINE[23]!.spinous[2] - 0.005], POST, lv);
  put('jugular-notch', P.jugularNotch, [0, 0.3, 1], `${SOURCES.heights} (suprasternale height)`);
  put('xiphoid-process', P.xiphoid, ANT);
  paired('clavicle-medial-end', P.clavicleMedial, [0.2, 0.3, 1]);
  paired(
    'clavicle-midpoint',
    add(P.clavicleMedial, [(P.clavicleLateral[0] - P.clavicleMedial[0]) / 2, 0.006, 0.004]),
    [0, 0.5, 1],
  );
  paired(
    'acromion',
    add(P.acromion, [0.006, 0.007, 0]),
    UP,
    `${SOURCES.heights} (acromial height), ${SOURCES.breadths} (biacromial breadth)`,
  );
  paired('coracoid-process', P.coracoid, ANT);
  paired('superior-angle-of-scapula', P.superiorAngle, POST, lv);
  paired('root-of-spine-of-scapula', P.rootOfSpine, POST, lv);
  paired('inferior-angle-of-scapula', add(P.inferiorAngle, [0, -0.004, 0]), POST, lv);
  paired('greater-tubercle', add(P.greaterTubercle, [0.01, 0, 0.004]), LAT);
  paired('lateral-epicondyle', add(P.elbow, [0.034, 0.012, -0.004]), LAT);
  paired('medial-epicondyle', add(P.elbow, [-0.038, 0.012, -0.004]), [-1, 0, 0]);
  paired('olecranon', add(P.elbow, [-0.012, 0.016, -0.034]), POST);
  paired('radial-styloid', add(P.wrist, [0.034, 0.0, 0.004]), LAT);
  paired('ulnar-styloid', add(P.wrist, [-0.024, 0.004, -0.006]), [-0.6, 0, -0.6]);
  paired(
    'iliac-crest-highest-point',
    add(P.iliacCrestTop, [0, 0.008, 0]),
    [0.5, 1, 0],
    `${SOURCES.heights} (iliocristale height); ${lv}`,
  );
  paired('asis', P.asis, [0.3, 0, 1]);
  paired('psis', P.psis, POST, lv);
  paired(
    'greater-trochanter',
    add(P.greaterTrochanter, [0.014, 0, 0]),
    LAT,
    `${SOURCES.heights} (trochanterion height)`,
  );
  paired('ischial-tuberosity', add(P.ischialTuberosity, [0, -0.012, -0.004]), DOWN);
  paired(
    'patella-center',
    add(P.patella, [0, 0, 0.01]),
    ANT,
    `${SOURCES.heights} (knee height, mid-patella)`,
  );
  paired('fibular-head', add(P.fibularHead, [0.009, 0, 0]), LAT);
  paired('tibial-tuberosity', add(P.tibialTuberosity, [0, 0, 0.008]), ANT);
  paired(
    'lateral-malleolus',
    add(P.lateralMalleolus, [0.007, 0, 0]),
    LAT,
    `${SOURCES.heights} (lateral malleolus height)`,
  );
  paired('medial-malleolus', add(P.medialMalleolus, [-0.008, 0, 0]), [-1, 0, 0]);
  paired('calcaneus-posterior', add(P.calcaneusPosterior, [0, 0, -0.018]), POST);
  paired('first-metatarsal-head', add(P.firstMetatarsalHead, [-0.006, 0, 0]), [-0.3, 1, 0]);
  paired('fifth-metatarsal-head', add(P.fifthMetatarsalHead, [0.006, 0, 0]), [1, 0.3, 0]);
  put(
    'umbilicus',
    [0, HEIGHTS.umbilicus, vert('l3').body[2] + 0.03],
    ANT,
    `${SOURCES.heights} (omphalion height)`,
  );
  // from 5 cm in front of the spine the nearest skin ahead was the side of the chest, 3–4 cm
  // lateral to the nipple and 3 cm behind it; from 2.5 cm under the skin it is the skin in front
  paired(
    'nipple',
    [P.nipple[0], P.nipple[1], P.nipple[2] - 0.025],
    ANT,
    `${SOURCES.heights} (chest height at the nipples)`,
  );
  return out;
}
