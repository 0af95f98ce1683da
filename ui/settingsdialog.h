#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace agentfolio {

class AppSettings;

// Preferences, none of them secret: how long a copied secret stays on the clipboard,
// how long to wait for eToro, the scopes a new token starts with, and whether to ask
// before revoking or forgetting a token.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    void accept() override;

private:
    void updateOkButton();

    AppSettings *m_settings;
    QSpinBox *m_clipboardDelay;
    QCheckBox *m_neverClear;
    QSpinBox *m_timeout;
    QList<QCheckBox *> m_scopes;
    QCheckBox *m_confirm;
};

} // namespace agentfolio
