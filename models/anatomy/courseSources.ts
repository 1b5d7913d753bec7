/**
 * The nerves and vessels added at the needling danger sites (issue 19), with where each course
 * comes from. The courses themselves are in neurovascular.ts; this module holds only names and
 * text, so the structure registry can carry each source into the manifest (and the app shows it
 * with the structure).
 */

/** [kind, id stem, name] of each paired danger structure added for the safety review. */
export const DANGER_COURSES: readonly (readonly ['nerve' | 'artery' | 'vein', string, string])[] = [
  ['nerve', 'axillary-nerve', 'Axillary nerve'],
  ['artery', 'posterior-circumflex-humeral-artery', 'Posterior circumflex humeral artery'],
  ['nerve', 'phrenic-nerve', 'Phrenic nerve'],
  ['nerve', 'long-thoracic-nerve', 'Long thoracic nerve'],
  ['nerve', 'dorsal-scapular-nerve', 'Dorsal scapular nerve'],
  ['nerve', 'posterior-interosseous-nerve', 'Posterior interosseous nerve (deep radial)'],
  ['nerve', 'lateral-femoral-cutaneous-nerve', 'Lateral femoral cutaneous nerve'],
  ['artery', 'axillary-artery', 'Axillary artery'],
  ['vein', 'axillary-vein', 'Axillary vein'],
  ['artery', 'brachial-artery', 'Brachial artery'],
  ['vein', 'brachial-veins', 'Brachial veins (venae comitantes)'],
  ['artery', 'profunda-femoris-artery', 'Profunda femoris (deep femoral) artery'],
  ['artery', 'popliteal-artery', 'Popliteal artery'],
  ['vein', 'popliteal-vein', 'Popliteal vein'],
  ['nerve', 'medial-plantar-nerve', 'Medial plantar nerve'],
  ['nerve', 'lateral-plantar-nerve', 'Lateral plantar nerve'],
];

const GRAY =
  'Gray H. Anatomy of the Human Body. 20th ed. (Lewis WH, ed.). Philadelphia: Lea & Febiger; 1918 (public domain; bartleby.com/107)';
const MOORE = 'Moore KL, Dalley AF, Agur AMR. Clinically Oriented Anatomy. 8th ed. 2018';

/**
 * The course of each structure as modelled: the landmarks it follows and the published figures
 * it was placed by. "estimate" marks what no source fixes (mostly depth between named layers).
 */
const SOURCES = {
  'spinal-cord': `From the foramen magnum down the middle of the vertebral canal, between the backs of the vertebral bodies and the laminae; the cord ends at the conus medullaris at the L1–L2 level and the dural sac (with the cauda equina) goes on to about S2 (${GRAY}, The spinal cord; ${MOORE}). Radius: estimate, the dural sac about 10–12 mm across; in the model's narrow canal the bone is built first and trims it.`,
  'axillary-nerve': `From the posterior cord in the axilla back through the quadrangular space (teres minor above, teres major below, the long head of triceps medially, the surgical neck of the humerus laterally), then round the back of the surgical neck under the deltoid, about 5–6 cm below the acromion (${GRAY}; Burkhead WZ et al., J Shoulder Elbow Surg 1992;1:31–36; Cetik O et al., J Bone Joint Surg Am 2006). Depth on the bone under the deltoid: estimate.`,
  'posterior-circumflex-humeral-artery': `From the third part of the axillary artery with the axillary nerve through the quadrangular space and round the surgical neck of the humerus under the deltoid (${GRAY}; ${MOORE}). Spacing from the nerve: estimate.`,
  'phrenic-nerve': `From C3–C5 down the anterior surface of scalenus anterior, from its lateral to its medial border, under the prevertebral fascia and behind sternocleidomastoid, then between the subclavian artery and vein into the thorax (${GRAY}; ${MOORE}). Modelled to the thoracic inlet (in the thorax it runs in the mediastinum, out of a needle's reach from the neck). Depth: on the muscle's front.`,
  'long-thoracic-nerve': `From the C5–C7 roots through scalenus medius, down behind the brachial plexus and the clavicle over the first rib, then on the outer surface of serratus anterior near the midaxillary line to its lower digitations (${GRAY}; ${MOORE}). Distance from the midaxillary line: estimate (on the line).`,
  'dorsal-scapular-nerve': `From C5 through scalenus medius, back deep to levator scapulae, then down deep to the rhomboids about 1 cm medial of the medial border of the scapula, with the dorsal scapular artery (${GRAY}; ${MOORE}). Distance from the border: textbook description, not a measured figure.`,
  'posterior-interosseous-nerve': `The deep branch of the radial nerve from in front of the lateral epicondyle, into supinator under the arcade of Frohse, round the lateral side of the radial neck within the muscle, out on the back of the forearm between the deep and superficial extensors (${GRAY}; ${MOORE}). Level below the radial head: estimate from textbook descriptions.`,
  'lateral-femoral-cutaneous-nerve': `From L2–L3 out of the lateral border of psoas, across iliacus toward the anterior superior iliac spine, under the inguinal ligament medial of the spine, then over sartorius into the lateral thigh, where it becomes subcutaneous about 10 cm below the spine (${GRAY}; ${MOORE}; Hospodar PP et al., J Orthop Trauma 1999;13:17–19; Aszmann OC et al., Plast Reconstr Surg 1997;100:600–604).`,
  'axillary-artery': `The continuation of the subclavian artery from the outer border of the first rib to the lower border of teres major, behind pectoralis minor, among the cords of the brachial plexus (${GRAY}; ${MOORE}). Where it begins: estimate of the model, whose first rib rises above the clavicle and ends about 7 cm from the midline.`,
  'axillary-vein': `From the lower border of teres major to the outer border of the first rib, medial of (in front of and below) the axillary artery, where it becomes the subclavian vein (${GRAY}; ${MOORE}).`,
  'brachial-artery': `From the lower border of teres major down the medial bicipital groove beside the median nerve (the nerve lateral above, crossing in front to medial below), to the cubital fossa medial of the biceps tendon, dividing about 1 cm below the elbow crease (${GRAY}; ${MOORE}). Depth: estimate, under the deep fascia on the medial side of the arm.`,
  'brachial-veins': `The paired venae comitantes on either side of the brachial artery, joining the basilic vein to form the axillary vein at the lower border of teres major (${GRAY}; ${MOORE}); modelled as one tube beside the artery.`,
  'profunda-femoris-artery': `From the back and lateral side of the femoral artery about 3.5–4 cm below the inguinal ligament, behind the femoral vessels, then down behind adductor longus close to the femur, giving the perforating arteries (${GRAY}; ${MOORE}). Origin distance: textbook figure.`,
  'popliteal-artery': `The continuation of the femoral artery from the adductor hiatus (about the junction of the middle and lower thirds of the thigh) through the popliteal fossa, the deepest of the three structures there (on the femur and the knee capsule), to the lower border of popliteus (${GRAY}; ${MOORE}).`,
  'popliteal-vein': `From the lower border of popliteus to the adductor hiatus, between the popliteal artery (deep) and the tibial nerve (superficial) (${GRAY}; ${MOORE}).`,
  'medial-plantar-nerve': `The larger terminal branch of the tibial nerve, from under the flexor retinaculum forward deep to abductor hallucis, then between it and flexor digitorum brevis (${GRAY}; ${MOORE}). Depth from the sole: estimate.`,
  'lateral-plantar-nerve': `From under the flexor retinaculum forward and laterally between flexor digitorum brevis and quadratus plantae toward the base of the fifth metatarsal (${GRAY}; ${MOORE}). Depth from the sole: estimate (the model's plantar muscles are one mass, so the nerve runs through its middle).`,
};

export type CourseStem = keyof typeof SOURCES;
export const COURSE_SOURCES: Readonly<Record<CourseStem, string>> = SOURCES;

/** The source of a danger structure's course; throws for a stem without one. */
export function courseSource(stem: string): string {
  const s = (SOURCES as Record<string, string>)[stem];
  if (!s) throw new Error(`courseSources: no source for ${stem}`);
  return s;
}
