/** @jest-environment jsdom */
// Dialogs whose code loads when first opened: nothing while closed, a dimmed page while it loads.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState, type ReactNode } from "react";
import { loadOnOpen, reloadOnceForMissingCode } from "@/components/ui/load-on-open";

function Dialog({ open }: { open: boolean }) {
  return open ? <div role="dialog" aria-label="Chargée" /> : null;
}

function Page({ LazyDialog }: { LazyDialog: (props: { open: boolean }) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Ouvrir
      </button>
      <LazyDialog open={open} />
    </>
  );
}

describe("loadOnOpen", () => {
  it("renders nothing while closed, and dims the page while the dialog's code loads", async () => {
    let finish: (component: typeof Dialog) => void = () => {};
    const load = jest.fn(() => new Promise<typeof Dialog>((resolve) => (finish = resolve)));
    const LazyDialog = loadOnOpen(load);
    const user = userEvent.setup();
    const { container } = render(<Page LazyDialog={LazyDialog} />);
    expect(load).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Ouvrir" }));
    expect(container.ownerDocument.querySelector("[aria-busy]")).not.toBeNull();
    finish(Dialog);
    expect(await screen.findByRole("dialog", { name: "Chargée" })).toBeInTheDocument();
    expect(container.ownerDocument.querySelector("[aria-busy]")).toBeNull();
  });
});

describe("reloadOnceForMissingCode", () => {
  const storage = () => {
    const values = new Map<string, string>();
    return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
  };

  it("reloads a page whose code is gone once, then lets a second failure within a minute reach the error page", async () => {
    const store = storage();
    const reload = jest.fn();
    const missing = new Error("ChunkLoadError");
    const first = reloadOnceForMissingCode(missing, store, reload, 1_000_000);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(
      await Promise.race([
        first.then(
          () => "settled",
          () => "settled",
        ),
        Promise.resolve("pending"),
      ]),
    ).toBe("pending");
    await expect(reloadOnceForMissingCode(missing, store, reload, 1_030_000)).rejects.toBe(missing);
    expect(reload).toHaveBeenCalledTimes(1);
    void reloadOnceForMissingCode(missing, store, reload, 1_070_000);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
