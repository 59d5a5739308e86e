import { csvCell, csvDate, csvDateTime } from "@/lib/csv";

describe("csvCell", () => {
  it.each([
    ["Dupont", "Dupont"],
    ["N'Diaye", "N'Diaye"],
    ["a;b", '"a;b"'],
    ['dit "Lulu"', '"dit ""Lulu"""'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+33 6 12", "'+33 6 12"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
  ])("%p → %p", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("csvDateTime", () => {
  it.each([
    ["2026-11-27T13:05:00Z", "2026-11-27 14:05"],
    ["2026-07-01T22:30:00Z", "2026-07-02 00:30"],
    ["2026-03-29T00:59:00Z", "2026-03-29 01:59"],
    ["2026-03-29T01:00:00Z", "2026-03-29 03:00"],
  ])("%p reads %p on Paris's clock, summer time included", (iso, expected) => {
    expect(csvDateTime(new Date(iso), "Europe/Paris")).toBe(expected);
  });

  it("reads another clock when given one (La Réunion, UTC+4 all year)", () => {
    expect(csvDateTime(new Date("2026-07-01T22:30:00Z"), "Indian/Reunion")).toBe("2026-07-02 02:30");
  });
});

describe("csvDate", () => {
  it("gives the day on the clock given, which may already be tomorrow", () => {
    expect(csvDate(new Date("2026-07-01T22:30:00Z"), "Europe/Paris")).toBe("2026-07-02");
    expect(csvDate(new Date("2026-07-01T09:30:00Z"), "Pacific/Tahiti")).toBe("2026-06-30");
  });
});
