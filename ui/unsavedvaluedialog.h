#pragma once

#include "domain/portfolio.h"

#include <QDialog>

class QPushButton;

namespace agentfolio {

class ClipboardGuard;
class TokenCard;

// A token value that nothing can save: an add-token answer that could not be read still
// carried it, and its token could not be found to keep it with. This dialog is then the only
// place the value exists, and eToro never shows it again: it shows it for copying (through
// the clipboard guard) and asks before it is closed.
class UnsavedValueDialog : public QDialog
{
    Q_OBJECT
public:
    // `explanation`: what happened and why the value could not be placed, as the add dialog
    // says it (its own text is covered by this one), with the request id to quote to eToro.
    // `clipboard` is not owned.
    UnsavedValueDialog(const CreatedToken &value, const QString &explanation,
                       ClipboardGuard *clipboard, QWidget *parent = nullptr);

    TokenCard *card() const { return m_card; }
    QPushButton *closeButton() const { return m_close; }

    // Every way out (Close, Escape, the title bar) asks first; the answer "keep it open"
    // keeps the dialog and its value.
    void done(int result) override;

private:
    TokenCard *m_card = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace agentfolio
