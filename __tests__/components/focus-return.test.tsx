/** @jest-environment jsdom */
// Where focus goes when a dialog closes: back to what opened it, even when it was opened from state.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Avatar } from "@/components/ui/avatar";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";

// `removeOnConfirm`: confirming replaces the opener at once ("now") or when the new data arrives ("later").
function Confirmation({ removeOnConfirm, onConfirm }: { removeOnConfirm?: "now" | "later"; onConfirm?: () => void }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <section>
      {done && removeOnConfirm ? <button type="button">Désactiver</button> : <button onClick={() => setOpen(true)}>Activer</button>}
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent aria-describedby={undefined}>
          <AlertDialogTitle>Activer ?</AlertDialogTitle>
          <AlertDialogCancel>Annuler</AlertDialogCancel>
          <button
            onClick={() => {
              if (removeOnConfirm === "later") setTimeout(() => setDone(true), 50);
              else if (removeOnConfirm) setDone(true);
              onConfirm?.();
              setOpen(false);
            }}
          >
            Confirmer
          </button>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}

function Panel() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Aperçu</button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent closeLabel="Fermer" aria-describedby={undefined}>
          <DialogTitle>Marie Dupont</DialogTitle>
        </DialogContent>
      </Dialog>
    </>
  );
}

// A layout around a page whose confirmation opens another page: the old <main> goes, a new one comes.
function LayoutWithPages() {
  const [page, setPage] = useState<"list" | "progress">("list");
  return (
    <div>
      <a href="#contenu">Aller au contenu</a>
      {page === "list" ? (
        <main key="list">
          <Confirmation onConfirm={() => setTimeout(() => setPage("progress"), 50)} />
        </main>
      ) : (
        <main key="progress">
          <h1>Suivi de l&apos;envoi</h1>
        </main>
      )}
    </div>
  );
}

describe("focus after a dialog opened from state closes", () => {
  it("returns to the opener after Escape and after the close button", async () => {
    const user = userEvent.setup();
    render(<Panel />);
    await user.click(screen.getByRole("button", { name: "Aperçu" }));
    await screen.findByRole("dialog", { name: "Marie Dupont" });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.getByRole("button", { name: "Aperçu" })).toHaveFocus());
    await user.click(screen.getByRole("button", { name: "Aperçu" }));
    await user.click(await screen.findByRole("button", { name: "Fermer" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Aperçu" })).toHaveFocus());
  });

  it("returns to the opener after cancelling a confirmation, to the next control when confirming removed it", async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Confirmation />);
    await user.click(screen.getByRole("button", { name: "Activer" }));
    await user.click(await screen.findByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Activer" })).toHaveFocus());
    unmount();

    for (const when of ["now", "later"] as const) {
      const { unmount: unmountThis } = render(<Confirmation removeOnConfirm={when} />);
      await user.click(screen.getByRole("button", { name: "Activer" }));
      await user.click(await screen.findByRole("button", { name: "Confirmer" }));
      await waitFor(() => expect(screen.getByRole("button", { name: "Désactiver" })).toHaveFocus());
      unmountThis();
    }
  });

  it("does not send focus to the layout's skip link when confirming replaced the whole page", async () => {
    const user = userEvent.setup();
    render(<LayoutWithPages />);
    await user.click(screen.getByRole("button", { name: "Activer" }));
    await user.click(await screen.findByRole("button", { name: "Confirmer" }));
    await screen.findByRole("heading", { name: "Suivi de l'envoi" });
    // The watch that follows a replaced opener has had its chance to act.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole("link", { name: "Aller au contenu" })).not.toHaveFocus();
  });
});

describe("Avatar", () => {
  it("hides decorative initials from assistive technologies and names the others", () => {
    render(
      <>
        <Avatar firstName="Noémie" lastName="André" photoUrl={null} alt="" />
        <Avatar firstName="Marie" lastName="Dupont" photoUrl={null} alt="Photo de Marie Dupont" />
      </>,
    );
    expect(screen.getAllByRole("img")).toHaveLength(1);
    expect(screen.getByRole("img", { name: "Photo de Marie Dupont" })).toHaveTextContent("MD");
    expect(screen.getByText("NA")).toHaveAttribute("aria-hidden", "true");
  });
});
