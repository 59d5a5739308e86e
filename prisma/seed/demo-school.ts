// The demo school: structure, staff accounts and a deterministic population of students and parents.
// Used by `npm run db:seed` (60 students by default, any number with --students) and the e2e tests.
import type { Database } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/sqlite/client";
import { hashPassword } from "../../lib/passwords";
import { ALL_RIGHTS, RIGHTS, type Right } from "../../lib/rights";
import { deriveClassColumns, deriveGuardianColumns, deriveStudentColumns } from "../../lib/data/person-columns";
import { DEFAULT_LOCALE, type Locale } from "../../lib/i18n/locales";
import { buildGuardianSearchText } from "../../lib/search/normalize";
import { newRowId } from "../../lib/db/insert-sql";
import { insertStatements, SEED_BATCH_TRANSACTION } from "./bulk-insert";
import { FIRST_NAMES, LAST_NAMES, PARENT_FIRST_NAMES } from "./names";

export const DEMO_ORGANIZATION = "Groupe scolaire Les Tilleuls";
export const DEMO_PASSWORD = "Sesame-demo-2026";

export const DEMO_STAFF = [
  { email: "direction@sesame.test", name: "Claire Rochefort", role: "Direction", rights: ALL_RIGHTS, firstSchoolOnly: false },
  {
    email: "secretariat@sesame.test",
    name: "Julien Marchetti",
    role: "Secrétariat",
    rights: [RIGHTS.viewStudent, RIGHTS.editStudent],
    firstSchoolOnly: false,
  },
  { email: "enseignant@sesame.test", name: "Nadia Benali", role: "Enseignant", rights: [RIGHTS.viewStudent], firstSchoolOnly: true },
  { email: "comptable@sesame.test", name: "Paul Vasseur", role: "Comptabilité", rights: [], firstSchoolOnly: false },
] satisfies { email: string; name: string; role: string; rights: readonly Right[]; firstSchoolOnly: boolean }[];

export const DEMO_SCHOOLS = [
  {
    name: "Lycée Victor-Hugo",
    city: "Lyon",
    contactEmail: "secretariat@lycee-victor-hugo.test",
    programs: [
      { name: "Seconde générale", short: "2nde" },
      { name: "Première générale", short: "1re" },
      { name: "BTS Commerce international", short: "BTS CI" },
    ],
  },
  {
    name: "École Sainte-Élisabeth",
    city: "Villeurbanne",
    programs: [
      { name: "CAP Accompagnant éducatif petite enfance", short: "CAP AEPE" },
      { name: "Bac pro Accueil", short: "Bac pro" },
      { name: "BTS Communication", short: "BTS Com" },
    ],
  },
];

const YEARS = [
  { label: "2025-2026", startsOn: new Date("2025-09-01"), endsOn: new Date("2026-07-04") },
  { label: "2026-2027", startsOn: new Date("2026-09-01"), endsOn: new Date("2027-07-03") },
];

const RELATIONSHIPS = ["mother", "father"] as const;

function singleParentRelationship(roll: number): "mother" | "father" | "guardian" {
  if (roll < 0.1) return "guardian";
  return roll < 0.65 ? "mother" : "father";
}

// The first students of every seed, so the demo (and its tests) can count on these names.
// Shared addresses, as schools see them: Hélène registered with her mother's address, Jean-Baptiste's
// two parents with one family address (the staff side warns before enabling access). A family that
// reads its emails in English: Chloé and her parents (everyone else keeps the default, French).
const FEATURED: {
  firstName: string;
  lastName: string;
  siblingOfPrevious?: boolean;
  shares?: "parent_address" | "family_address";
  /** The language of the emails of the student and of their parents. */
  locale?: Locale;
}[] = [
  { firstName: "Marie", lastName: "Dupont" },
  { firstName: "Lucas", lastName: "Dupont", siblingOfPrevious: true },
  { firstName: "Hélène", lastName: "Lefèvre", shares: "parent_address" },
  { firstName: "Jean-Baptiste", lastName: "N'Diaye", shares: "family_address" },
  { firstName: "Maël", lastName: "Le Goff" },
  { firstName: "Chloé", lastName: "Dubois-Perrin", locale: "en" },
];

/** Deterministic pseudo-random numbers, so every seed of N students gives the same school. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

function emailLocalPart(firstName: string, lastName: string): string {
  return `${firstName}.${lastName}`
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .toLowerCase()
    .replace(/[^a-z.]+/g, "-")
    .replace(/^-|-$/g, "");
}

function phoneNumber(random: ReturnType<typeof createRandom>, prefix: "06" | "07"): string {
  const pairs = Array.from({ length: 4 }, () => String(Math.floor(random.next() * 100)).padStart(2, "0"));
  return [prefix, ...pairs].join(" ");
}

export type SeedOptions = { students: number; log?: (line: string) => void };
export type SeedSummary = { seeded: boolean; students: number; guardians: number; staff: number };

/** Seeds the demo school when the database has none; returns what it did. */
export async function seedDemoSchool(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const existing = await db.organization.findFirst({ where: { name: DEMO_ORGANIZATION } });
  if (existing) {
    const [students, guardians, staff] = await Promise.all([db.student.count(), db.guardian.count(), db.staffUser.count()]);
    return { seeded: false, students, guardians, staff };
  }

  const organization = await db.organization.create({ data: { name: DEMO_ORGANIZATION } });
  const years = [];
  for (const year of YEARS) years.push(await db.schoolYear.create({ data: { ...year, organizationId: organization.id } }));
  const currentYear = years[years.length - 1];

  type ClassSlot = { schoolId: string; programId: string; classId: string; schoolYearId: string; level: number };
  const slots: ClassSlot[] = [];
  const schoolIds: string[] = [];
  for (const school of DEMO_SCHOOLS) {
    const created = await db.school.create({
      data: {
        name: school.name,
        city: school.city,
        contactEmail: "contactEmail" in school ? school.contactEmail : null,
        organizationId: organization.id,
      },
    });
    schoolIds.push(created.id);
    for (const [level, program] of school.programs.entries()) {
      const createdProgram = await db.program.create({ data: { name: program.name, schoolId: created.id } });
      for (const year of years) {
        for (const letter of ["A", "B"]) {
          const schoolClass = await db.schoolClass.create({
            data: { ...deriveClassColumns(`${program.short} ${letter}`), programId: createdProgram.id, schoolYearId: year.id },
          });
          slots.push({ schoolId: created.id, programId: createdProgram.id, classId: schoolClass.id, schoolYearId: year.id, level });
        }
      }
    }
  }
  const currentSlots = slots.filter((slot) => slot.schoolYearId === currentYear.id);
  const pastSlots = slots.filter((slot) => slot.schoolYearId !== currentYear.id);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const member of DEMO_STAFF) {
    const role = await db.role.create({
      data: {
        name: member.role,
        organizationId: organization.id,
        rights: { create: member.rights.map((right) => ({ right })) },
      },
    });
    await db.staffUser.create({
      data: {
        email: member.email,
        name: member.name,
        passwordHash,
        organizationId: organization.id,
        roleId: role.id,
        schools: member.firstSchoolOnly ? { create: [{ schoolId: schoolIds[0] }] } : undefined,
      },
    });
  }
  log(`Structure: ${DEMO_SCHOOLS.length} schools, ${slots.length} classes, ${DEMO_STAFF.length} staff accounts`);

  const counts = await insertPeople(db, options.students, { currentSlots, pastSlots }, log);
  // Fresh statistics let the query planner pick the sort index for the list (SQLite and PostgreSQL).
  await db.$executeRawUnsafe("ANALYZE");
  return { seeded: true, ...counts, staff: DEMO_STAFF.length };
}

type Slots = {
  currentSlots: { schoolId: string; programId: string; classId: string; schoolYearId: string; level: number }[];
  pastSlots: { schoolId: string; programId: string; classId: string; schoolYearId: string; level: number }[];
};

const BATCH = 5000;

async function insertPeople(db: Database, total: number, slots: Slots, log: (line: string) => void) {
  const random = createRandom(20260901);
  const now = new Date();
  let students: Prisma.StudentCreateManyInput[] = [];
  let guardians: Prisma.GuardianCreateManyInput[] = [];
  let links: { studentId: string; guardianId: string; relationship: string }[] = [];
  let guardianCount = 0;
  let previous: { lastName: string; guardianIds: { id: string; relationship: string; searchText: string }[] } | null = null;

  const flush = async () => {
    await db.$transaction(
      [
        ...insertStatements(db, "Student", students),
        ...insertStatements(db, "Guardian", guardians),
        ...insertStatements(db, "StudentGuardian", links),
      ],
      SEED_BATCH_TRANSACTION,
    );
    students = [];
    guardians = [];
    links = [];
  };

  for (let index = 0; index < total; index += 1) {
    // Every 12th student is the younger sibling of the previous one: same surname, same parents.
    const featured = FEATURED[index];
    const sibling: boolean = previous !== null && (featured ? !!featured.siblingOfPrevious : index % 12 === 11);
    const firstName = featured?.firstName ?? random.pick(FIRST_NAMES);
    const lastName: string = featured?.lastName ?? (sibling && previous ? previous.lastName : random.pick(LAST_NAMES));
    const past = random.next() < 0.1;
    const pool = past ? slots.pastSlots : slots.currentSlots;
    const slot = pool[Math.floor(random.next() * pool.length)];
    const studentNumber = `E${String(index + 1).padStart(6, "0")}`;
    let email: string | null = `${emailLocalPart(firstName, lastName)}.${index + 1}@eleves.sesame.test`;
    if (index % 10 === 4) email = null;
    if (index === 7) email = `${emailLocalPart(firstName, lastName)}@@eleves.sesame`;
    const age = 15 + slot.level + Math.floor(random.next() * 3);
    const birthDate = new Date(Date.UTC(2026 - age, Math.floor(random.next() * 12), 1 + Math.floor(random.next() * 28)));
    const id = newRowId();
    students.push({
      id,
      studentNumber,
      firstName,
      lastName,
      birthDate,
      email,
      ...deriveStudentColumns({ firstName, lastName, email, studentNumber }),
      phone: random.next() < 0.8 ? phoneNumber(random, "07") : null,
      photoUrl: index % 9 === 0 ? `/demo-photos/${(index / 9) % 6}.svg` : null,
      schoolId: slot.schoolId,
      programId: slot.programId,
      classId: slot.classId,
      schoolYearId: slot.schoolYearId,
      guardianSearchText: "",
      locale: featured?.locale ?? DEFAULT_LOCALE,
      createdAt: now,
      updatedAt: now,
    });

    let studentGuardians: { id: string; relationship: string; searchText: string }[] = [];
    if (sibling && previous) {
      studentGuardians = previous.guardianIds;
    } else {
      const roll = random.next();
      const parentCount = featured?.shares ? 2 : roll < 0.1 ? 0 : roll < 0.45 ? 1 : 2;
      for (let parent = 0; parent < parentCount; parent += 1) {
        const relationship = parentCount === 2 ? RELATIONSHIPS[parent] : singleParentRelationship(random.next());
        const parentFirst = random.pick(
          relationship === "guardian" ? [...PARENT_FIRST_NAMES.mother, ...PARENT_FIRST_NAMES.father] : PARENT_FIRST_NAMES[relationship],
        );
        const parentLast = parent === 1 && random.next() < 0.25 ? random.pick(LAST_NAMES) : lastName;
        guardianCount += 1;
        const guardianId = newRowId();
        let guardianEmail = random.next() < 0.8 ? `${emailLocalPart(parentFirst, parentLast)}.${guardianCount}@famille.sesame.test` : null;
        if (featured?.shares === "family_address") guardianEmail = `${emailLocalPart("famille", lastName)}@famille.sesame.test`;
        if (featured?.shares === "parent_address" && parent === 0) {
          guardianEmail = `${emailLocalPart(parentFirst, parentLast)}.${guardianCount}@famille.sesame.test`;
        }
        const derived = deriveGuardianColumns({ firstName: parentFirst, lastName: parentLast, email: guardianEmail });
        guardians.push({
          id: guardianId,
          firstName: parentFirst,
          lastName: parentLast,
          email: guardianEmail,
          ...derived,
          phone: phoneNumber(random, "06"),
          locale: featured?.locale ?? DEFAULT_LOCALE,
          createdAt: now,
          updatedAt: now,
        });
        studentGuardians.push({ id: guardianId, relationship, searchText: derived.searchText });
      }
    }
    if (featured?.shares === "parent_address" && studentGuardians.length) {
      const studentRow = students[students.length - 1];
      const parentEmail = guardians[guardians.length - studentGuardians.length].email;
      Object.assign(studentRow, {
        email: parentEmail,
        ...deriveStudentColumns({ firstName, lastName, email: parentEmail ?? null, studentNumber }),
      });
    }
    students[students.length - 1].guardianSearchText = buildGuardianSearchText(studentGuardians.map((guardian) => guardian.searchText));
    for (const guardian of studentGuardians) links.push({ studentId: id, guardianId: guardian.id, relationship: guardian.relationship });
    previous = { lastName, guardianIds: studentGuardians };

    if (students.length >= BATCH) {
      await flush();
      if ((index + 1) % 20000 === 0) log(`  ${index + 1} students…`);
    }
  }
  if (students.length) await flush();
  return { students: total, guardians: guardianCount };
}
