/** One-time challenges for signing in with an electronic signature. */
export interface ChallengeStore {
  /** Records a challenge (by its hash) that may be used once until `expiresAt`. */
  issue(challengeHash: string, at: number, expiresAt: number): Promise<void>;
  /** Uses a challenge up: true only the first time, and only before it expires. */
  consume(challengeHash: string, now: number): Promise<boolean>;
}
