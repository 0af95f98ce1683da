#include "unsavedvaluedialog.h"

#include "tokencard.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace agentfolio {

UnsavedValueDialog::UnsavedValueDialog(const CreatedToken &value, const QString &explanation,
                                       ClipboardGuard *clipboard, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("A token value saved nowhere"));
    setObjectName(QStringLiteral("unsavedValueDialog"));

    auto *text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("explanation"));
    // The name is the user's own text: never read it as markup.
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_card = new TokenCard(value, clipboard, this);
    m_card->setUnsaveableAdvice(tr("Put it in your agent's configuration or a password "
                                   "manager now: it is gone once this window is closed."));
    m_card->setStorageState(TokenCard::State::Unsaveable,
                            tr("Agentfolio could not save it with its token on eToro, so it "
                               "is not in the keychain."));

    auto *buttons = new QDialogButtonBox(this);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("close"));
    m_close->setAutoDefault(false);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_card);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void UnsavedValueDialog::done(int result)
{
    QMessageBox box(QMessageBox::Warning, tr("Close without the token value?"),
                    tr("The value is saved nowhere: once this window is closed it is gone for "
                       "good, and eToro never shows it again."),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmDropValue"));
    QPushButton *drop = box.addButton(tr("Close and lose it"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep it open"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == drop)
        QDialog::done(result);
}

} // namespace agentfolio
