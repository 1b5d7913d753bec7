/**
 * Body areas for filtering quizzes and for the summary's "weakest areas": a plain grouping of the
 * catalog's muscles by where they lie (no clinical claim). A test checks every catalog muscle has
 * one.
 */
export const QUIZ_AREAS = [
  'head-neck',
  'shoulder-arm',
  'chest-abdomen',
  'back',
  'hip-thigh',
  'leg-foot',
] as const;
export type QuizArea = (typeof QUIZ_AREAS)[number];

export const AREA_LABELS: Record<QuizArea, string> = {
  'head-neck': 'Head and neck',
  'shoulder-arm': 'Shoulder and arm',
  'chest-abdomen': 'Chest and abdomen',
  back: 'Back',
  'hip-thigh': 'Hip and thigh',
  'leg-foot': 'Leg and foot',
};

const MUSCLE_AREAS: Record<QuizArea, readonly string[]> = {
  'head-neck': [
    'masseter',
    'temporalis',
    'sternocleidomastoid',
    'splenius-capitis',
    'semispinalis-capitis',
    'suboccipital-muscles',
    'scalenes',
    'levator-scapulae',
    'upper-trapezius',
  ],
  'shoulder-arm': [
    'deltoid',
    'supraspinatus',
    'infraspinatus',
    'teres-minor',
    'teres-major',
    'subscapularis',
    'biceps-brachii',
    'triceps-brachii',
    'brachioradialis',
    'extensor-carpi-radialis-longus',
    'extensor-carpi-radialis-brevis',
    'extensor-digitorum',
  ],
  'chest-abdomen': [
    'pectoralis-major',
    'pectoralis-minor',
    'serratus-anterior',
    'intercostal-muscles',
    'rectus-abdominis',
  ],
  back: [
    'middle-trapezius',
    'lower-trapezius',
    'rhomboid-major',
    'rhomboid-minor',
    'latissimus-dorsi',
    'iliocostalis',
    'longissimus',
    'multifidus',
    'quadratus-lumborum',
  ],
  'hip-thigh': [
    'gluteus-maximus',
    'gluteus-medius',
    'gluteus-minimus',
    'piriformis',
    'tensor-fasciae-latae',
    'iliopsoas',
    'rectus-femoris',
    'vastus-lateralis',
    'vastus-medialis',
    'biceps-femoris',
    'semitendinosus',
    'semimembranosus',
    'adductor-longus',
    'adductor-magnus',
  ],
  'leg-foot': [
    'gastrocnemius',
    'soleus',
    'tibialis-anterior',
    'fibularis-longus',
    'abductor-hallucis',
    'flexor-digitorum-brevis',
    'quadratus-plantae',
  ],
};

const AREA_OF = new Map<string, QuizArea>(
  QUIZ_AREAS.flatMap((a) => MUSCLE_AREAS[a].map((m) => [m, a] as const)),
);

/** The area a muscle lies in, or undefined for a muscle this table does not know. */
export function areaOfMuscle(muscleId: string): QuizArea | undefined {
  return AREA_OF.get(muscleId);
}

export function isQuizArea(s: string): s is QuizArea {
  return (QUIZ_AREAS as readonly string[]).includes(s);
}
