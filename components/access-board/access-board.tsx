import { getTranslations } from "next-intl/server";
import Link from "next/link";
import {
  activationRate,
  countTotal,
  formatRate,
  PARENT_STATE_LIST_FILTER,
  type AccessBoard,
  type BoardCounts,
  type StateCounts,
} from "@/lib/access/board";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import { studentListPath } from "@/lib/routes";
import { studentListSearchParams } from "@/lib/students/list-params";

// The follow-up board: totals, then each school, program and class in native <details> (keyboard
// and screen-reader friendly without script). A server component: it ships no JavaScript.

type Place = { schoolId?: string; programId?: string; classId?: string; label: string };
type T = Awaited<ReturnType<typeof getTranslations<"accessBoard">>>;
type StateLabels = Record<AccessState, string>;

const CELL = "px-3 py-2 text-right tabular-nums";
const HEAD = "px-3 py-2 text-right font-medium";

type CountProps = { count: number; state: AccessState; place: Place; t: T; states: StateLabels };

const LINK = "font-medium text-indigo-700 underline-offset-2 hover:underline";

function StudentCount({ count, state, place, t, states }: CountProps) {
  if (!count) return <span className="text-slate-400">0</span>;
  const href = studentListPath(
    studentListSearchParams({ schoolId: place.schoolId, programId: place.programId, classId: place.classId, access: state }),
  );
  return (
    <Link href={href} className={LINK} aria-label={t("openList", { count, state: states[state], place: place.label })}>
      {count}
    </Link>
  );
}

/**
 * A parent count links to the students of that place having at least one parent in that state
 * (PARENT_STATE_LIST_FILTER: the list lists students); a state without that exact filter is plain.
 */
function ParentCount({ count, state, place, t, states }: CountProps) {
  const parentAccess = PARENT_STATE_LIST_FILTER[state];
  if (!count) return <span className="text-slate-400">0</span>;
  if (!parentAccess) return <>{count}</>;
  const href = studentListPath(
    studentListSearchParams({ schoolId: place.schoolId, programId: place.programId, classId: place.classId, parentAccess }),
  );
  return (
    <Link href={href} className={LINK} aria-label={t("openParentList", { count, state: states[state], place: place.label })}>
      {count}
    </Link>
  );
}

function Rows({ counts, place, t, states, first }: { counts: BoardCounts; place: Place; t: T; states: StateLabels; first?: string }) {
  const row = (audience: "students" | "parents", values: StateCounts) => (
    <tr key={audience} className="border-t border-slate-100">
      {first !== undefined ? (
        <th scope="row" className="px-3 py-2 text-left font-medium">
          {audience === "students" ? first : ""}
        </th>
      ) : null}
      <th scope="row" className="px-3 py-2 text-left font-normal text-slate-600">
        {t(audience)}
      </th>
      {ACCESS_STATES.map((state) => (
        <td key={state} className={CELL}>
          {audience === "students" ? (
            <StudentCount count={values[state]} state={state} place={place} t={t} states={states} />
          ) : (
            <ParentCount count={values[state]} state={state} place={place} t={t} states={states} />
          )}
        </td>
      ))}
      <td className={CELL}>{countTotal(values)}</td>
      <td className={CELL}>{formatRate(activationRate(values))}</td>
    </tr>
  );
  return (
    <>
      {row("students", counts.students)}
      {row("parents", counts.parents)}
    </>
  );
}

function CountsTable({
  caption,
  t,
  states,
  withClass,
  children,
}: {
  caption: string;
  t: T;
  states: StateLabels;
  withClass?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-600">
          <tr>
            {withClass ? (
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t("class")}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("audience")}
            </th>
            {ACCESS_STATES.map((state) => (
              <th key={state} scope="col" className={HEAD}>
                {states[state]}
              </th>
            ))}
            <th scope="col" className={HEAD}>
              {t("total")}
            </th>
            <th scope="col" className={HEAD}>
              {t("rate")}
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Summary({ name, counts, t }: { name: string; counts: BoardCounts; t: T }) {
  return (
    <summary className="cursor-pointer rounded px-2 py-2 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
      <span className="font-semibold">{name}</span>{" "}
      <span className="text-sm text-slate-600">
        {t("summary", {
          students: countTotal(counts.students),
          rate: formatRate(activationRate(counts.students)),
          parents: countTotal(counts.parents),
          parentRate: formatRate(activationRate(counts.parents)),
        })}
      </span>
    </summary>
  );
}

export async function AccessBoardView({ board }: { board: AccessBoard }) {
  const t = await getTranslations("accessBoard");
  const tAccess = await getTranslations("access.states");
  const states = Object.fromEntries(ACCESS_STATES.map((state) => [state, tAccess(state)])) as StateLabels;
  return (
    <div className="mt-6 flex flex-col gap-6">
      <section aria-labelledby="suivi-totaux" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="suivi-totaux" className="mb-2 font-semibold">
          {t("totals")}
        </h2>
        <CountsTable caption={t("totals")} t={t} states={states}>
          <Rows counts={board.total} place={{ label: t("totals") }} t={t} states={states} />
        </CountsTable>
      </section>
      {board.schools.map((school) => (
        <details key={school.id} open className="rounded-lg border border-slate-200 bg-white p-2">
          <Summary name={school.name} counts={school.counts} t={t} />
          <div className="px-2 pb-2">
            <CountsTable caption={school.name} t={t} states={states}>
              <Rows counts={school.counts} place={{ schoolId: school.id, label: school.name }} t={t} states={states} />
            </CountsTable>
            {school.programs.map((program) => (
              <details key={program.id} className="mt-3 rounded border border-slate-100 p-2">
                <Summary name={program.name} counts={program.counts} t={t} />
                <CountsTable caption={`${school.name}, ${program.name}`} t={t} states={states} withClass>
                  <Rows
                    counts={program.counts}
                    place={{ schoolId: school.id, programId: program.id, label: program.name }}
                    t={t}
                    states={states}
                    first={t("csv.allClasses")}
                  />
                  {program.classes.map((schoolClass) => (
                    <Rows
                      key={schoolClass.id}
                      counts={schoolClass.counts}
                      place={{ schoolId: school.id, programId: program.id, classId: schoolClass.id, label: schoolClass.name }}
                      t={t}
                      states={states}
                      first={schoolClass.name}
                    />
                  ))}
                </CountsTable>
              </details>
            ))}
          </div>
        </details>
      ))}
      <p className="text-sm text-slate-600">
        {t("rateNote")} {t("parentsNote")}
      </p>
    </div>
  );
}
