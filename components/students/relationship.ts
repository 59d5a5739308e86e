/** Message catalog key of a parent's relationship to the student ("Mère", "Père", "Tuteur légal", "Autre"). */
export function relationshipKey(relationship: string): string {
  return ["mother", "father", "guardian"].includes(relationship) ? `relationship.${relationship}` : "relationship.other";
}
