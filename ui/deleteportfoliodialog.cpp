#include "deleteportfoliodialog.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>

namespace agentfolio {

DeletePortfolioDialog::DeletePortfolioDialog(const QString &portfolioName, int tokenCount,
                                             QWidget *parent)
    : QDialog(parent)
    , m_portfolioName(portfolioName)
{
    setWindowTitle(tr("Delete %1 on eToro").arg(portfolioName));

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));

    auto *text = new QLabel(
        tr("Deleting the agent portfolio “%1” on eToro stops its copy mirror and revokes every "
           "one of its tokens (%n token(s)): agents using them lose access at once. Their "
           "secrets are then removed from this computer. This cannot be undone.",
           nullptr, tokenCount)
            .arg(portfolioName),
        this);
    text->setObjectName(QStringLiteral("explanation"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("confirmName"));
    m_name->setAccessibleName(tr("Type the portfolio's name to confirm"));
    auto *prompt =
        new QLabel(tr("To confirm, type the portfolio's name, “%1”:").arg(portfolioName), this);
    prompt->setTextFormat(Qt::PlainText);
    prompt->setWordWrap(true);
    prompt->setBuddy(m_name);

    auto *buttons = new QDialogButtonBox(this);
    m_delete = buttons->addButton(tr("&Delete on eToro"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("delete"));
    m_delete->setAccessibleName(tr("Delete the portfolio on eToro"));
    m_delete->setEnabled(false);
    m_delete->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    // Enter never deletes: the default is to keep the portfolio.
    m_cancel->setDefault(true);
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &typed) {
        // Exactly the name: no trimming, no case folding. Typing it is the confirmation.
        m_delete->setEnabled(typed == m_portfolioName);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *body = new QVBoxLayout;
    body->addWidget(text);
    body->addWidget(prompt);
    body->addWidget(m_name);
    top->addLayout(body, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    setTabOrder(m_name, m_cancel);
    setTabOrder(m_cancel, m_delete);
    m_name->setFocus(Qt::OtherFocusReason);
}

} // namespace agentfolio
