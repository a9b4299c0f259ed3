package dev.ovid.web.ui.vocabularies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asks before a label leaves a vocabulary's draft: the label, the vocabulary and what removal means
 * (published versions keep it). "Remove" runs the removal; "Keep" or Esc closes with no change.
 */
final class LabelRemovalDialog {
  private LabelRemovalDialog() {}

  static Dialog open(String vocabulary, String label, Integer published, Runnable remove) {
    Dialog dialog = new Dialog();
    dialog.setId("confirm-remove-label");
    dialog.setHeaderTitle("Remove '" + label + "' from " + vocabulary + "?");
    Paragraph text =
        new Paragraph(
            "'"
                + label
                + "' leaves the draft of "
                + vocabulary
                + ". "
                + (published == null
                    ? "The vocabulary was never published."
                    : "Published versions up to v" + published + " keep it.")
                + " The removal is recorded in the audit log.");
    text.setId("confirm-remove-label-text");
    dialog.add(text);
    Button keep = new Button("Keep", e -> dialog.close());
    keep.setId("confirm-remove-label-keep");
    Button yes =
        new Button(
            "Remove",
            e -> {
              dialog.close();
              remove.run();
            });
    yes.setId("confirm-remove-label-yes");
    yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(keep, yes);
    dialog.open();
    yes.focus();
    return dialog;
  }
}
