// The draft of each assignment, kept in localStorage so a reload or a closed tab never
// loses code. Storage may be unavailable (private mode, quota): then nothing is kept.
const key = (assignmentId: string) => `pypractice:draft:${assignmentId}`;

export function loadDraft(assignmentId: string): string | undefined {
  try {
    return localStorage.getItem(key(assignmentId)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(assignmentId: string, code: string) {
  try {
    localStorage.setItem(key(assignmentId), code);
  } catch {
    // storage full or blocked: the editor keeps working
  }
}
