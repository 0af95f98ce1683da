#include "noticepanel.h"

#include "api/apierror.h"
#include "clipboardguard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace agentfolio {

NoticePanel::NoticePanel(ClipboardGuard *clipboard, QWidget *parent)
    : QFrame(parent)
    , m_clipboard(clipboard)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_requestId(new QLineEdit(this))
    , m_copyRequestId(new QPushButton(tr("Copy request id"), this))
    , m_action(new QPushButton(this))
    , m_close(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("noticePanel"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    setAccessibleName(tr("Notice"));

    m_text->setWordWrap(true);
    // A message can quote a long word that cannot wrap (an environment variable named after
    // a token): cut at the panel's edge rather than widening the window to fit it.
    QSizePolicy policy = m_text->sizePolicy(); // keeps height-for-width and the control type
    policy.setHorizontalPolicy(QSizePolicy::Ignored);
    m_text->setSizePolicy(policy);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_requestId->setReadOnly(true);
    m_requestId->setObjectName(QStringLiteral("noticeRequestId"));
    m_requestId->setAccessibleName(tr("Request id"));
    m_requestId->setToolTip(tr("Quote this id if you contact eToro about this request."));
    m_copyRequestId->setAccessibleName(tr("Copy request id"));
    m_action->setObjectName(QStringLiteral("noticeAction"));
    m_close->setAccessibleName(tr("Dismiss notice"));

    auto *idRow = new QHBoxLayout;
    m_requestIdLabel = new QLabel(tr("Re&quest id:"), this);
    m_requestIdLabel->setBuddy(m_requestId);
    idRow->addWidget(m_requestIdLabel);
    idRow->addWidget(m_requestId, 1);
    idRow->addWidget(m_copyRequestId);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_action);
    buttons->addWidget(m_close);

    auto *body = new QVBoxLayout;
    body->addWidget(m_text);
    body->addLayout(idRow);
    body->addLayout(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(body, 1);

    connect(m_copyRequestId, &QPushButton::clicked, this,
            [this] { m_clipboard->copyText(m_requestId->text()); });
    connect(m_action, &QPushButton::clicked, this, &NoticePanel::actionTriggered);
    connect(m_close, &QPushButton::clicked, this, &NoticePanel::dismiss);
    setAction({});
    hide();
}

void NoticePanel::showMessage(Tone tone, const QString &text, const QUuid &requestId)
{
    const QStyle::StandardPixmap icon = tone == Tone::Error ? QStyle::SP_MessageBoxCritical
        : tone == Tone::Warning                             ? QStyle::SP_MessageBoxWarning
                                                            : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_text->setText(text);
    const bool hasId = !requestId.isNull();
    m_requestId->setText(hasId ? requestId.toString(QUuid::WithoutBraces) : QString());
    m_requestId->setVisible(hasId);
    m_requestIdLabel->setVisible(hasId);
    m_copyRequestId->setVisible(hasId);
    setAction({});
    setDismissible(true);
    show();
}

void NoticePanel::showError(const ApiError &error)
{
    showMessage(error.kind == ApiError::Kind::OutcomeUnknown ? Tone::Warning : Tone::Error,
                error.message(), error.requestId);
}

void NoticePanel::setAction(const QString &text)
{
    m_action->setText(text);
    m_action->setAccessibleName(text);
    m_action->setVisible(!text.isEmpty());
    m_action->setEnabled(true);
}

void NoticePanel::setActionEnabled(bool enabled)
{
    m_action->setEnabled(enabled);
}

void NoticePanel::setDismissible(bool dismissible)
{
    m_close->setVisible(dismissible);
}

void NoticePanel::dismiss()
{
    hide();
    m_text->clear();
    m_requestId->clear();
}

QString NoticePanel::text() const
{
    return m_text->text();
}

QString NoticePanel::requestIdText() const
{
    return m_requestId->text();
}

} // namespace agentfolio
