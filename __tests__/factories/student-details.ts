// A student's details as the profile and the Aperçu panel receive them: Marie Dupont, her address
// missing, and her two parents, one with an invalid address, one who reads his emails in English.
import type { StudentDetails } from "@/lib/data/students";

export const student: StudentDetails = {
  id: "stu1",
  studentNumber: "E000001",
  firstName: "Marie",
  lastName: "Dupont",
  birthDate: "2008-01-04T00:00:00.000Z",
  photoUrl: null,
  email: null,
  locale: "fr",
  phone: "07 24 38 00 25",
  school: { id: "s1", name: "École Sainte-Élisabeth", timeZone: "Europe/Paris" },
  program: { id: "p1", name: "BTS Communication" },
  className: "BTS Com B",
  schoolYear: "2026-2027",
  accessState: "invited",
  sharedWith: [],
  guardians: [
    {
      id: "g1",
      firstName: "Sophie",
      lastName: "Dupont",
      email: "sophie@@famille",
      locale: "fr",
      phone: null,
      relationship: "mother",
      accessState: "none",
      sharedWith: [],
      otherChildren: [],
    },
    {
      id: "g2",
      firstName: "Thierry",
      lastName: "Dupont",
      email: "thierry.dupont@famille.test",
      locale: "en",
      phone: "06 11 22 33 44",
      relationship: "father",
      accessState: "active",
      sharedWith: [],
      otherChildren: [],
    },
  ],
};
