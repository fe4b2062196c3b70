import type { EvalType } from '../../contract/enums.ts';

/** The fixed shape of the seeded world: who calls, what is measured, which values occur. */

export interface SeedAgent {
  name: string;
  /** Relative share of the project's calls. */
  volume: number;
  successRate: number;
  /** Median call length in seconds (durations are log-normal around it). */
  medianDuration: number;
}

export interface SeedProject {
  name: string;
  /** Share of all calls. */
  share: number;
  agents: readonly SeedAgent[];
  topics: readonly (readonly [string, number])[];
  dropoffPoints: readonly string[];
}

export const SEED_PROJECTS: readonly SeedProject[] = [
  {
    name: 'Support Line',
    share: 0.62,
    agents: [
      { name: 'Billing Assistant', volume: 5, successRate: 0.86, medianDuration: 210 },
      { name: 'Tech Support Bot', volume: 3, successRate: 0.71, medianDuration: 340 },
      { name: 'Returns Helper', volume: 1.5, successRate: 0.9, medianDuration: 150 },
    ],
    topics: [
      ['billing', 5],
      ['refund', 3],
      ['technical issue', 4],
      ['account access', 2],
      ['order status', 3],
    ],
    dropoffPoints: ['greeting', 'identity verification', 'issue description', 'troubleshooting', 'transfer'],
  },
  {
    name: 'Sales Outreach',
    share: 0.38,
    agents: [
      { name: 'Lead Qualifier', volume: 4, successRate: 0.55, medianDuration: 120 },
      { name: 'Appointment Setter', volume: 2.5, successRate: 0.64, medianDuration: 180 },
      { name: 'Renewal Caller', volume: 1, successRate: 0.78, medianDuration: 260 },
    ],
    topics: [
      ['pricing', 4],
      ['demo request', 3],
      ['renewal', 2],
      ['competitor comparison', 1],
      ['not interested', 3],
    ],
    dropoffPoints: ['introduction', 'qualification', 'pricing', 'scheduling', 'objection handling'],
  },
];

/** Documented `call_ended_reason` values (contract 7.2), weighted for success and failure. */
export const ENDED_REASONS_SUCCESS: readonly (readonly [string, number])[] = [
  ['Main agent-ended-call', 6],
  ['Testing agent-ended-call', 3],
  ['participant_disconnected', 1],
];
export const ENDED_REASONS_FAILURE: readonly (readonly [string, number])[] = [
  ['Testing agent-ended-call', 3],
  ['Main agent-did-not-answer', 2],
  ['Main agent-voicemail', 1.5],
  ['Main agent-silence-timed-out', 2],
  ['exceeded-max-duration', 1],
  ['call-canceled', 1],
  ['call-rejected', 0.5],
  ['sip-call-failed', 0.7],
  ['participant_disconnected', 2],
];

export const REGIONS: readonly (readonly [string, number])[] = [
  ['US', 5],
  ['EU', 3],
  ['APAC', 2],
  ['LATAM', 1],
];
export const ORG_NAMES: readonly string[] = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Retail',
];
export const LANGUAGES: readonly (readonly [string, number])[] = [
  ['en', 8],
  ['es', 2],
  ['de', 1],
  ['fr', 1],
];

export interface SeedMetric {
  name: string;
  slug: string;
  description: string;
  type: 'basic' | 'custom_prompt' | 'custom_code' | 'llm_judge';
  evalType: EvalType;
  enumValues?: readonly string[];
  functionName?: string;
  /** Share of calls that carry an evaluation of this metric. */
  coverage: number;
}

/** Six metrics covering every eval type; every project gets its own copy. */
export const SEED_METRICS: readonly SeedMetric[] = [
  {
    name: 'Latency',
    slug: 'latency',
    description: 'Average agent response latency in milliseconds.',
    type: 'basic',
    evalType: 'numeric',
    functionName: 'get_latency',
    coverage: 1,
  },
  {
    name: 'CSAT',
    slug: 'csat',
    description: 'Customer satisfaction, 1 (poor) to 5 (excellent).',
    type: 'llm_judge',
    evalType: 'numeric',
    coverage: 0.7,
  },
  {
    name: 'Intent resolved',
    slug: 'intent-resolved',
    description: "Whether the caller's intent was resolved.",
    type: 'custom_prompt',
    evalType: 'binary',
    coverage: 0.9,
  },
  {
    name: 'Sentiment',
    slug: 'sentiment',
    description: "The caller's overall sentiment.",
    type: 'llm_judge',
    evalType: 'enum',
    enumValues: ['positive', 'neutral', 'negative'],
    coverage: 0.8,
  },
  {
    name: 'Conversation quality',
    slug: 'conversation-quality',
    description: 'Qualitative score of the conversation, 0 to 1.',
    type: 'llm_judge',
    evalType: 'continuous_qualitative',
    coverage: 0.6,
  },
  {
    name: 'Interruptions',
    slug: 'interruptions',
    description: 'How often the agent interrupted the caller.',
    type: 'custom_code',
    evalType: 'numeric',
    coverage: 0.85,
  },
];
