import { z } from 'zod';
import { ZText } from '../regulation/schema.js';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case identifier');

/** Who sits on a commission or council: the chair, a deputy and members vote; the secretary keeps the minutes and does not. */
export const BODY_POSITIONS = ['chair', 'deputy-chair', 'member', 'secretary'] as const;
export const ZBodyPosition = z.enum(BODY_POSITIONS);
export type TBodyPosition = z.infer<typeof ZBodyPosition>;

/** Positions whose holders vote at a meeting. */
export const VOTING_POSITIONS: ReadonlySet<TBodyPosition> = new Set(['chair', 'deputy-chair', 'member']);

export const ZBodyMember = z
  .object({
    id: slug,
    name: z.string().min(1).describe('full name, in Kazakh'),
    position: ZBodyPosition,
    login: z.string().min(1).optional().describe('the account of a member who also acts in the system (the chair who signs, say)'),
  })
  .strict();
export type TBodyMember = z.infer<typeof ZBodyMember>;

/**
 * How the body decides. The seeds name the bodies but give neither a quorum nor a voting rule, so
 * both are configuration: null (with its source saying so) until the body's own statute is entered.
 * While a rule is unknown, a meeting is recorded as its minutes say and the record says the rule was not checked.
 */
export const ZVotingRules = z
  .object({
    quorum: z
      .object({
        share: z.number().gt(0).max(1).nullable().describe('the least share of voting members present, e.g. 0.6667; null while unknown'),
        source: z.string().min(1),
      })
      .strict(),
    majority: z
      .object({
        rule: z
          .enum(['more-for-than-against', 'more-than-half-of-present', 'more-than-half-of-members'])
          .nullable()
          .describe('what carries a decision; null while unknown'),
        source: z.string().min(1),
      })
      .strict(),
  })
  .strict();
export type TVotingRules = z.infer<typeof ZVotingRules>;

/** A commission or council sitting at one office, standing for a collective-body role of the regulations. */
export const ZCollectiveBody = z
  .object({
    office: slug,
    role: slug.describe('the collective-body role of the regulations it stands for'),
    title: ZText,
    members: z.array(ZBodyMember).min(1),
    rules: ZVotingRules,
    source: z.string().min(1).describe('where its composition comes from'),
  })
  .strict()
  .superRefine((body, ctx) => {
    const ids = new Set<string>();
    body.members.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['members', i, 'id'], message: `member id ${m.id} is used twice` });
      ids.add(m.id);
    });
    if (body.members.filter((m) => m.position === 'chair').length !== 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'a body has exactly one chair' });
  });
export type TCollectiveBody = z.infer<typeof ZCollectiveBody>;
