#include "pastetokendialog.h"

#include <QBoxLayout>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace agentfolio {

PasteTokenDialog::PasteTokenDialog(const QString &tokenName, const QString &portfolioName,
                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Store the secret of %1").arg(tokenName));

    auto *intro = new QLabel(
        tr("Paste the secret of the token “%1” of “%2”, as eToro showed it when the token was "
           "created. It is saved in this computer's keychain. Agentfolio cannot check it "
           "against eToro: a wrong value is only noticed when an agent uses it.")
            .arg(tokenName, portfolioName),
        this);
    intro->setObjectName(QStringLiteral("intro"));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("secretValue"));
    // Password echo also disables copying and dragging the value out again.
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setPlaceholderText(tr("Paste the token's secret here"));
    m_value->setAccessibleName(tr("Token secret"));
    m_value->setAccessibleDescription(tr("Masked. Paste with the Paste button or the keyboard."));

    m_paste = new QPushButton(tr("&Paste"), this);
    m_paste->setObjectName(QStringLiteral("paste"));
    m_paste->setAccessibleName(tr("Paste the secret from the clipboard"));
    m_paste->setAutoDefault(false);
    m_show = new QPushButton(tr("S&how"), this);
    m_show->setObjectName(QStringLiteral("show"));
    m_show->setCheckable(true);
    m_show->setAutoDefault(false);
    m_show->setAccessibleName(tr("Show the pasted secret"));

    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_paste);
    valueRow->addWidget(m_show);
    auto *form = new QFormLayout;
    auto *valueLabel = new QLabel(tr("&Secret:"), this);
    valueLabel->setBuddy(m_value);
    form->addRow(valueLabel, valueRow);

    auto *buttons = new QDialogButtonBox(this);
    m_store = buttons->addButton(tr("&Store in keychain"), QDialogButtonBox::AcceptRole);
    m_store->setObjectName(QStringLiteral("store"));
    m_store->setAccessibleName(tr("Store the secret in the keychain"));
    m_store->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    connect(m_store, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    setTabOrder(m_value, m_paste);
    setTabOrder(m_paste, m_show);
    setTabOrder(m_show, m_store);
    setTabOrder(m_store, m_cancel);

    connect(m_paste, &QPushButton::clicked, this, &PasteTokenDialog::pasteFromClipboard);
    connect(m_show, &QPushButton::toggled, this, [this](bool shown) {
        m_value->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(shown ? tr("H&ide") : tr("S&how"));
        m_show->setAccessibleName(shown ? tr("Hide the pasted secret")
                                        : tr("Show the pasted secret"));
    });
    connect(m_value, &QLineEdit::textChanged, this, &PasteTokenDialog::updateButtons);
    updateButtons();
    m_value->setFocus(Qt::OtherFocusReason);
}

PasteTokenDialog::~PasteTokenDialog()
{
    clearValue();
}

Secret PasteTokenDialog::secret() const
{
    return Secret(m_value->text().trimmed());
}

void PasteTokenDialog::clearValue()
{
    const QSignalBlocker blocker(m_value);
    m_value->clear();
}

void PasteTokenDialog::pasteFromClipboard()
{
    // Read on the user's press only; the clipboard's content is the user's business.
    const QString text = QGuiApplication::clipboard()->text().trimmed();
    if (!text.isEmpty())
        m_value->setText(text);
    m_value->setFocus(Qt::OtherFocusReason);
}

void PasteTokenDialog::updateButtons()
{
    m_store->setEnabled(!m_value->text().trimmed().isEmpty());
}

} // namespace agentfolio
