/** @jest-environment jsdom */
// Dialogs whose code loads when first opened: nothing while closed, a dimmed page while it loads.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState, type ReactNode } from "react";
import { loadOnOpen } from "@/components/ui/load-on-open";

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
