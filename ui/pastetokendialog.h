#pragma once

#include "domain/secret.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace agentfolio {

// Stores the secret of a token created elsewhere (on the eToro site, another computer):
// a masked field the user pastes into, with a Paste button that reads the clipboard
// only when pressed. Agentfolio cannot check the value against eToro, and says so.
class PasteTokenDialog : public QDialog
{
    Q_OBJECT
public:
    PasteTokenDialog(const QString &tokenName, const QString &portfolioName,
                     QWidget *parent = nullptr);
    ~PasteTokenDialog() override;

    // What was pasted, trimmed. Meaningful once accepted; empty otherwise.
    Secret secret() const;
    // Forgets the value (the caller does once it has it).
    void clearValue();

    QLineEdit *valueEdit() const { return m_value; }

private:
    void pasteFromClipboard();
    void updateButtons();

    QLineEdit *m_value = nullptr;
    QPushButton *m_paste = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_store = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace agentfolio
