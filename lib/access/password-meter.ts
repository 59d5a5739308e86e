// What the password strength meter shows, kept apart from the policy so that the form can use it
// without loading zxcvbn's dictionaries up front.

/** The best strength the meter may show for a refused password: 1, « Faible ». */
export const REFUSED_MAX_SCORE = 1;

/** The meter's strength (0–4) for a password scored `score`: never better than « Faible » once the policy refuses it. */
export function meterScore(score: number, refused: boolean): number {
  return refused ? Math.min(score, REFUSED_MAX_SCORE) : score;
}
