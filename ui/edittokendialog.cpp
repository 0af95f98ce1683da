#include "edittokendialog.h"

#include "domain/scopes.h"
#include "iplistedit.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>

namespace agentfolio {

namespace {

// The same shape as the add-token dialog's: unambiguous in every locale.
const QString DateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    // Names and messages come from the server: never interpret them as markup.
    label->setTextFormat(Qt::PlainText);
    return label;
}

QDateTime wholeSecondsUtc(const QDateTime &value)
{
    QDateTime utc = value.toUTC();
    utc.setTime(QTime(utc.time().hour(), utc.time().minute(), utc.time().second()));
    return utc;
}

} // namespace

EditTokenDialog::EditTokenDialog(const UserToken &token, const QString &portfolioName,
                                 QWidget *parent)
    : QDialog(parent)
    , m_token(token)
    , m_portfolioName(portfolioName)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setWindowTitle(tr("Edit token %1").arg(token.name));
    buildUi();
    revalidate();
}

EditTokenDialog::~EditTokenDialog()
{
    // ~QDialog hides the dialog and a focused line edit then reports that editing finished:
    // nothing may reach this class's handlers once its members are gone.
    const auto children = findChildren<QObject *>();
    for (QObject *child : children)
        disconnect(child, nullptr, this, nullptr);
}

void EditTokenDialog::buildUi()
{
    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("editTokenForm"));
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *intro = wrappedLabel(tr("Changes to the token “%1” of the agent portfolio “%2”. They "
                                  "apply on eToro as soon as you save; its secret stays the same.")
                                   .arg(m_token.name, m_portfolioName),
                               m_form);
    intro->setObjectName(QStringLiteral("intro"));
    form->addRow(intro);

    auto *scopeGrid = new QGridLayout;
    scopeGrid->setContentsMargins(0, 0, 0, 0);
    for (int id : Scopes::all()) {
        auto *box = new QCheckBox(tr("%1 (%2)").arg(Scopes::displayName(id)).arg(id), m_form);
        box->setObjectName(QStringLiteral("scope%1").arg(id));
        box->setAccessibleName(box->text());
        box->setToolTip(tr("Scope %1, %2.").arg(id).arg(Scopes::apiName(id)));
        box->setChecked(m_token.scopeIds.contains(id));
        const bool write = id == Scopes::RealWrite || id == Scopes::DemoWrite;
        const bool demo = id == Scopes::DemoRead || id == Scopes::DemoWrite;
        scopeGrid->addWidget(box, write ? 1 : 0, demo ? 1 : 0);
        m_scopes.insert(id, box);
        connect(box, &QCheckBox::toggled, this, &EditTokenDialog::revalidate);
    }
    scopeGrid->setColumnStretch(2, 1);
    auto *scopesLabel = new QLabel(tr("&Scopes:"), m_form);
    scopesLabel->setBuddy(m_scopes.value(Scopes::RealRead));
    form->addRow(scopesLabel, scopeGrid);

    m_ips = new IpListEdit(m_form);
    m_ips->setObjectName(QStringLiteral("ipAllowList"));
    m_ips->setEntries(m_token.ipsWhitelist);
    auto *ipsLabel = new QLabel(tr("&IP allow-list:"), m_form);
    ipsLabel->setBuddy(m_ips->entryEdit());
    form->addRow(ipsLabel, m_ips);
    connect(m_ips, &IpListEdit::edited, this, &EditTokenDialog::revalidate);

    m_neverExpires = new QCheckBox(tr("Never &expires"), m_form);
    m_neverExpires->setObjectName(QStringLiteral("neverExpires"));
    m_neverExpires->setAccessibleName(tr("Token never expires"));
    m_expiresAt = new QDateTimeEdit(m_form);
    m_expiresAt->setObjectName(QStringLiteral("expiresAt"));
    m_expiresAt->setTimeSpec(Qt::LocalTime);
    m_expiresAt->setDisplayFormat(DateTimeFormat);
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setAccessibleName(tr("Token expiry date and time, local time"));
    if (m_token.expiresAt && m_token.expiresAt->isValid()) {
        m_expiresAt->setDateTime(m_token.expiresAt->toLocalTime());
        // The API sets an expiry but has no way to remove one.
        m_neverExpires->setEnabled(false);
        m_neverExpires->setToolTip(tr("eToro cannot remove a token's expiry. Choose a later "
                                      "date instead, or add a new token that never expires."));
    } else {
        m_neverExpires->setChecked(true);
        m_expiresAt->setEnabled(false);
        m_expiresAt->setDateTime(
            QDateTime(m_now().toLocalTime().date().addDays(30), QTime(23, 59, 59)));
        m_neverExpires->setToolTip(tr("Uncheck to choose when the token stops working."));
    }
    m_expiresAt->setToolTip(tr("When the token stops working, in your local time. It is sent "
                               "to eToro in UTC, shown beside it."));
    m_expiresAtUtc = new QLabel(m_form);
    m_expiresAtUtc->setObjectName(QStringLiteral("expiresAtUtc"));
    m_expiresAtUtc->setTextFormat(Qt::PlainText);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_neverExpires);
    expiryRow->addWidget(m_expiresAt);
    expiryRow->addWidget(m_expiresAtUtc);
    expiryRow->addStretch(1);
    auto *expiryLabel = new QLabel(tr("Token e&xpiry:"), m_form);
    expiryLabel->setBuddy(m_neverExpires->isEnabled() ? static_cast<QWidget *>(m_neverExpires)
                                                      : m_expiresAt);
    form->addRow(expiryLabel, expiryRow);
    connect(m_neverExpires, &QCheckBox::toggled, this, [this](bool never) {
        m_expiresAt->setEnabled(!never && !m_busy);
        revalidate();
    });
    connect(m_expiresAt, &QDateTimeEdit::dateTimeChanged, this, &EditTokenDialog::revalidate);

    m_problemText = wrappedLabel(QString(), this);
    m_problemText->setObjectName(QStringLiteral("problemText"));
    m_problemText->setTextInteractionFlags(Qt::TextSelectableByMouse
                                           | Qt::TextSelectableByKeyboard);
    m_problemText->setAccessibleName(tr("Problems"));
    m_problemText->hide();

    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setMaximumWidth(120);
    m_busyIndicator->hide();
    m_status = wrappedLabel(QString(), this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save on eToro"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setAccessibleName(tr("Save the changes on eToro"));
    m_save->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    // Save is not QDialog::accept: the caller accepts once eToro has taken the change.
    connect(m_save, &QPushButton::clicked, this, &EditTokenDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &EditTokenDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_busyIndicator);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addStretch(1);
    layout->addWidget(m_problemText);
    layout->addLayout(bottom);
    setMinimumWidth(520);

    QList<QWidget *> chain;
    for (int id : Scopes::all())
        chain.append(m_scopes.value(id));
    chain += { m_ips->entryEdit(),
               m_ips->addButton(),
               m_ips->listWidget(),
               m_ips->removeButton(),
               m_neverExpires,
               m_expiresAt,
               m_save,
               m_cancel };
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
    m_scopes.value(Scopes::RealRead)->setFocus(Qt::OtherFocusReason);
}

UpdateTokenRequest EditTokenDialog::compute(Problems *problems) const
{
    UpdateTokenRequest request;

    QList<int> checked;
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.value()->isChecked())
            checked.append(it.key());
    }
    const QList<int> scopes = Validation::scopes(checked, problems);
    QList<int> original = m_token.scopeIds;
    std::sort(original.begin(), original.end());
    if (scopes != original)
        request.scopeIds = scopes;

    QStringList entries = m_ips->entries();
    // An address typed but not added counts too: never silently dropped.
    if (!m_ips->pendingEntry().isEmpty())
        entries.append(m_ips->pendingEntry());
    const QStringList ips = Validation::ipAllowList(entries, problems);
    Problems ignored;
    if (ips != Validation::ipAllowList(m_token.ipsWhitelist, &ignored))
        request.ipsWhitelist = ips;

    if (!m_neverExpires->isChecked()) {
        const QDateTime chosen = wholeSecondsUtc(m_expiresAt->dateTime());
        const bool same = m_token.expiresAt && m_token.expiresAt->isValid()
            && wholeSecondsUtc(*m_token.expiresAt) == chosen;
        // An unchanged expiry is not judged: an expired token keeps its date until changed.
        if (!same) {
            const auto expiry = Validation::expiry(chosen, m_now(), problems);
            if (expiry)
                request.expiresAt = expiry;
        }
    }
    return request;
}

UpdateTokenRequest EditTokenDialog::request() const
{
    Problems problems;
    const UpdateTokenRequest request = compute(&problems);
    return problems.isEmpty() ? request : UpdateTokenRequest();
}

bool EditTokenDialog::canSave() const
{
    return m_problems.isEmpty() && !request().isEmpty();
}

void EditTokenDialog::revalidate()
{
    m_problems.clear();
    const UpdateTokenRequest request = compute(&m_problems);
    // The server judged the previous form; an edit makes that stale.
    m_serverProblem.clear();
    QStringList messages;
    for (const Problem &problem : std::as_const(m_problems))
        messages.append(problem.message);
    if (!m_busy) {
        const bool unchanged = m_problems.isEmpty() && request.isEmpty();
        m_status->setText(unchanged ? tr("Nothing changed yet.") : QString());
        m_status->setVisible(unchanged);
    }
    m_problemText->setText(messages.join(QLatin1Char('\n')));
    m_problemText->setVisible(!messages.isEmpty());
    m_save->setEnabled(!m_busy && m_problems.isEmpty() && !request.isEmpty());
    if (m_neverExpires->isChecked())
        m_expiresAtUtc->clear();
    else
        m_expiresAtUtc->setText(
            tr("= %1 UTC").arg(wholeSecondsUtc(m_expiresAt->dateTime()).toString(DateTimeFormat)));
}

QStringList EditTokenDialog::shownProblems() const
{
    if (m_problemText->isHidden() || m_problemText->text().isEmpty())
        return {};
    return m_problemText->text().split(QLatin1Char('\n'));
}

void EditTokenDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_cancel->setEnabled(!busy);
    m_busyIndicator->setVisible(busy);
    if (busy) {
        m_status->setText(status);
        m_status->setVisible(!status.isEmpty());
        m_save->setEnabled(false);
    } else {
        revalidate();
    }
}

void EditTokenDialog::showServerProblem(const QString &message)
{
    setBusy(false);
    m_serverProblem = message;
    QStringList messages;
    for (const Problem &problem : std::as_const(m_problems))
        messages.append(problem.message);
    messages.append(message);
    m_problemText->setText(messages.join(QLatin1Char('\n')));
    m_problemText->show();
}

void EditTokenDialog::setNow(std::function<QDateTime()> clock)
{
    m_now = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
    if (m_neverExpires->isChecked()) {
        const QSignalBlocker blocker(m_expiresAt);
        m_expiresAt->setDateTime(
            QDateTime(m_now().toLocalTime().date().addDays(30), QTime(23, 59, 59)));
    }
    revalidate();
}

void EditTokenDialog::done(int result)
{
    // A change is on its way: its outcome must reach someone.
    if (m_busy && result != Accepted)
        return;
    QDialog::done(result);
}

void EditTokenDialog::submit()
{
    if (m_busy)
        return;
    Problems problems;
    const UpdateTokenRequest request = compute(&problems);
    if (!problems.isEmpty() || request.isEmpty()) {
        revalidate();
        return;
    }
    m_ips->commitPending();
    emit saveRequested(request);
}

} // namespace agentfolio
