// Durations written in lexicons ("10 jours", "30 minutes").
const DURATION = /^(\d+(?:[.,]\d+)?)\s*(minutes?|min|heures?|h|jours?|j|semaines?|mois|ans?|années?|annees?)$/;
const DURATION_MINUTES: Record<string, number> = { min: 1, minute: 1, minutes: 1, h: 60, heure: 60, heures: 60, j: 1440, jour: 1440, jours: 1440, semaine: 10080, semaines: 10080, mois: 43200, an: 525600, ans: 525600, année: 525600, années: 525600, annee: 525600, annees: 525600 };

/** "10 jours" → 14400; undefined when unreadable (validation says so). */
export function durationMinutes(text: string): number | undefined {
  const m = DURATION.exec(text.trim().toLowerCase());
  if (m === null) return undefined;
  return Number((m[1] ?? '0').replace(',', '.')) * (DURATION_MINUTES[m[2] ?? ''] ?? 0);
}
