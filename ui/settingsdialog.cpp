#include "settingsdialog.h"

#include "domain/scopes.h"
#include "session/appsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace agentfolio {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_clipboardDelay(new QSpinBox(this))
    , m_neverClear(new QCheckBox(tr("&Never clear"), this))
    , m_timeout(new QSpinBox(this))
    , m_confirm(new QCheckBox(tr("Ask before &revoking or forgetting a token"), this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_clipboardDelay->setRange(1, AppSettings::MaxClipboardClearSeconds);
    m_clipboardDelay->setSuffix(tr(" s"));
    m_clipboardDelay->setObjectName(QStringLiteral("clipboardDelay"));
    m_clipboardDelay->setAccessibleName(tr("Clear the clipboard after, in seconds"));
    m_clipboardDelay->setToolTip(tr("A copied token is removed from the clipboard after this "
                                    "long, unless you copied something else meanwhile."));
    m_neverClear->setObjectName(QStringLiteral("neverClear"));
    m_neverClear->setAccessibleName(tr("Never clear the clipboard"));
    const auto delay = settings->clipboardClearDelay();
    m_neverClear->setChecked(delay.count() == 0);
    m_clipboardDelay->setValue(delay.count() == 0 ? AppSettings::DefaultClipboardClearSeconds
                                                  : int(delay.count()));
    m_clipboardDelay->setEnabled(!m_neverClear->isChecked());
    connect(m_neverClear, &QCheckBox::toggled, m_clipboardDelay,
            [this](bool never) { m_clipboardDelay->setEnabled(!never); });

    m_timeout->setRange(AppSettings::MinRequestTimeoutSeconds,
                        AppSettings::MaxRequestTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(int(settings->requestTimeout().count()));
    m_timeout->setObjectName(QStringLiteral("requestTimeout"));
    m_timeout->setAccessibleName(tr("Request timeout, in seconds"));
    m_timeout->setToolTip(tr("How long to wait for eToro without any progress. A create that "
                             "times out is never sent again: you are asked to check instead."));

    auto *scopesBox = new QWidget(this);
    auto *scopesLayout = new QVBoxLayout(scopesBox);
    scopesLayout->setContentsMargins(0, 0, 0, 0);
    const QList<int> defaults = settings->defaultScopes();
    for (int id : Scopes::all()) {
        auto *box = new QCheckBox(tr("%1 (%2)").arg(Scopes::displayName(id)).arg(id), scopesBox);
        box->setObjectName(QStringLiteral("defaultScope%1").arg(id));
        box->setProperty("scopeId", id);
        box->setChecked(defaults.contains(id));
        scopesLayout->addWidget(box);
        m_scopes.append(box);
        connect(box, &QCheckBox::toggled, this, &SettingsDialog::updateOkButton);
    }

    m_confirm->setObjectName(QStringLiteral("confirmDestructive"));
    m_confirm->setChecked(settings->confirmDestructiveActions());
    m_confirm->setToolTip(tr("Deleting a portfolio always asks you to type its name."));

    auto *delayRow = new QHBoxLayout;
    delayRow->addWidget(m_clipboardDelay);
    delayRow->addWidget(m_neverClear);
    delayRow->addStretch();

    auto *form = new QFormLayout;
    auto *delayLabel = new QLabel(tr("&Clear the clipboard after:"), this);
    delayLabel->setBuddy(m_clipboardDelay);
    form->addRow(delayLabel, delayRow);
    auto *timeoutLabel = new QLabel(tr("Request &timeout:"), this);
    timeoutLabel->setBuddy(m_timeout);
    form->addRow(timeoutLabel, m_timeout);
    form->addRow(tr("Default &scopes:"), scopesBox);
    form->addRow(QString(), m_confirm);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    updateOkButton();
}

void SettingsDialog::updateOkButton()
{
    // A token needs at least one scope, so a default of none makes no sense.
    const bool anyScope = std::any_of(m_scopes.cbegin(), m_scopes.cend(),
                                      [](const QCheckBox *box) { return box->isChecked(); });
    if (auto *buttons = findChild<QDialogButtonBox *>())
        buttons->button(QDialogButtonBox::Ok)->setEnabled(anyScope);
}

void SettingsDialog::accept()
{
    m_settings->setClipboardClearDelay(
        std::chrono::seconds(m_neverClear->isChecked() ? 0 : m_clipboardDelay->value()));
    m_settings->setRequestTimeout(std::chrono::seconds(m_timeout->value()));
    QList<int> scopes;
    for (const QCheckBox *box : std::as_const(m_scopes)) {
        if (box->isChecked())
            scopes.append(box->property("scopeId").toInt());
    }
    m_settings->setDefaultScopes(scopes);
    m_settings->setConfirmDestructiveActions(m_confirm->isChecked());
    QDialog::accept();
}

} // namespace agentfolio
