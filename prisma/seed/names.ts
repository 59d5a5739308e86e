// French given names and surnames for the demo school: accents, hyphenated and compound names on purpose.

export const FIRST_NAMES = [
  "Hélène", "Marie", "Jean-Baptiste", "Zoé", "Maël", "Chloé", "Léa", "Lucas", "Théo", "Inès",
  "Noé", "Anaïs", "Gaëlle", "Loïc", "Mathéo", "Éloïse", "Raphaël", "Camille", "Jérôme", "Agnès",
  "Benoît", "Céline", "Clémence", "Anne-Sophie", "Marie-Ève", "Louis", "Emma", "Jules", "Manon", "Hugo",
  "Léon", "Margaux", "Quentin", "Élise", "Amélie", "François", "Noémie", "Timothée", "Océane", "Maëlys",
  "Adèle", "Bérénice", "Cédric", "Estéban", "Félix", "Gabriel", "Héloïse", "Joël", "Lénaïc", "Mélanie",
  "Nathan", "Pénélope", "Rémi", "Sébastien", "Valérie", "Yaël", "Aurélien", "Ambre", "Capucine", "Sacha",
];

export const LAST_NAMES = [
  "Martin", "Dupont", "Lefèvre", "N'Diaye", "Le Goff", "Dubois-Perrin", "Bernard", "Moreau", "Garnier", "Rousseau",
  "Fontaine", "Chevalier", "Lemaître", "Gauthier", "Mercier", "Bonnet", "Faure", "André", "Girard", "Lambert",
  "Rivière", "Benoît", "Carré", "Ménard", "Prévost", "Hébert", "Lacroix", "Noël", "Barbé", "Bélanger",
  "Da Silva", "Nguyen", "Boucher", "Leclère", "Perrot", "Aubert", "Brunet", "Collin", "Dumas", "Étienne",
  "Fabre", "Guérin", "Huet", "Jacquet", "Lebrun", "Marchand", "Olivier", "Pelletier", "Renaud", "Sanchez",
  "Tessier", "Vidal", "Weber", "Roussel-Aubry", "De La Fontaine", "Saint-Martin", "Le Bihan", "Cœur", "Besançon", "Périer",
];

export const PARENT_FIRST_NAMES = {
  mother: ["Sophie", "Nathalie", "Isabelle", "Véronique", "Sandrine", "Karine", "Sylvie", "Aurélie", "Hélène", "Béatrice"],
  father: ["Thierry", "Stéphane", "Frédéric", "Hervé", "Pascal", "Éric", "Grégoire", "Jérémie", "Olivier", "Régis"],
};
