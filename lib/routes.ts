// Paths used by both server and client code.
export const SIGN_IN_PATH = "/connexion";
export const STUDENTS_PATH = "/etudiants";

export function studentPath(studentId: string, tab?: "espace-etudiant"): string {
  return tab ? `${STUDENTS_PATH}/${studentId}/${tab}` : `${STUDENTS_PATH}/${studentId}`;
}
