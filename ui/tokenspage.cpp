#include "tokenspage.h"

#include "addtokendialog.h"
#include "clipboardguard.h"
#include "deleteportfoliodialog.h"
#include "domain/scopes.h"
#include "edittokendialog.h"
#include "noticepanel.h"
#include "pastetokendialog.h"
#include "session/appsettings.h"
#include "session/portfoliofiltermodel.h"
#include "session/portfoliotreemodel.h"
#include "session/session.h"
#include "session/tokenmanager.h"
#include "store/portfolioindex.h"
#include "store/tokenhandoff.h"
#include "unsavedvaluedialog.h"

#include <QBoxLayout>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>

namespace agentfolio {

namespace {

enum DetailPage { EmptyPage, PortfolioPage, TokenPage };

const QString DateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

// A value shown to be read and selected with the mouse, never interpreted as markup (names
// come from the server). Mouse-only selection keeps the Tab chain to the inputs and buttons.
QLabel *valueLabel(const QString &objectName, const QString &fieldName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(fieldName);
    // Names and ids come from the user and the server, and a long one without a space cannot
    // wrap: its width would become the pane's least, pushing the actions out of view (and
    // widening the window). Such a word is cut at the pane's edge instead; selecting it still
    // copies it whole.
    QSizePolicy policy = label->sizePolicy(); // keeps height-for-width and the control type
    policy.setHorizontalPolicy(QSizePolicy::Ignored);
    label->setSizePolicy(policy);
    return label;
}

void setValue(QLabel *label, const QString &text)
{
    label->setText(text);
    // Screen readers read the value as the label's description; no secret is ever shown here.
    label->setAccessibleDescription(text);
}

QLabel *titleLabel(const QString &objectName, QWidget *parent)
{
    auto *label = valueLabel(objectName, QString(), parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    label->setFont(font);
    return label;
}

QString dateText(const std::optional<QDateTime> &when)
{
    if (!when || !when->isValid())
        return TokensPage::tr("Not known");
    const QDateTime utc = when->toUTC();
    return TokensPage::tr("%1 your time (%2 UTC)")
        .arg(utc.toLocalTime().toString(DateTimeFormat), utc.toString(DateTimeFormat));
}

QString scopesText(const QList<int> &scopeIds)
{
    if (scopeIds.isEmpty())
        return TokensPage::tr("None");
    QStringList lines;
    for (int id : scopeIds) {
        const QString name = Scopes::displayName(id);
        lines.append(name.isEmpty() ? TokensPage::tr("Unknown scope (%1)").arg(id)
                                    : TokensPage::tr("%1 (%2)").arg(name).arg(id));
    }
    return lines.join(QLatin1Char('\n'));
}

// "Expired", "In 3 days": the badge beside a token's expiry.
QString expiryBadge(const std::optional<QDateTime> &expiresAt, const QDateTime &now)
{
    if (!expiresAt || !expiresAt->isValid())
        return TokensPage::tr("Never expires");
    const qint64 seconds = now.secsTo(*expiresAt);
    if (seconds <= 0)
        return TokensPage::tr("Expired");
    // Singular and plural spelled out: a badge reads "In 3 days", not "In 3 day(s)", even
    // without a translation loaded.
    const qint64 days = seconds / (qint64 { 24 } * 3600);
    if (days >= 1)
        return days == 1 ? TokensPage::tr("In 1 day") : TokensPage::tr("In %1 days").arg(days);
    const qint64 hours = seconds / 3600;
    if (hours >= 1)
        return hours == 1 ? TokensPage::tr("In 1 hour") : TokensPage::tr("In %1 hours").arg(hours);
    const qint64 minutes = qMax<qint64>(1, seconds / 60);
    return minutes == 1 ? TokensPage::tr("In 1 minute")
                        : TokensPage::tr("In %1 minutes").arg(minutes);
}

QString withRequestId(const TokenActionOutcome &outcome)
{
    if (!outcome.apiError || outcome.apiError->requestId.isNull())
        return outcome.message;
    return outcome.message + QLatin1Char(' ') + outcome.apiError->requestIdText();
}

} // namespace

TokensPage::TokensPage(Session *session, TokenManager *manager, ClipboardGuard *clipboard,
                       QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_manager(manager)
    , m_clipboard(clipboard)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    Q_ASSERT(session && manager && clipboard);
    m_model = new PortfolioTreeModel(session->index(), this);
    m_proxy = new PortfolioFilterModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    buildUi();

    // Index changes arrive in bursts (a hand-off writes a token, then marks its secret):
    // the details and a pending selection are brought up to date once, after the burst.
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(0);
    connect(&m_syncTimer, &QTimer::timeout, this, &TokensPage::sync);
    m_revealTimer.setSingleShot(true);
    m_revealTimer.setInterval(DefaultRevealDuration);
    connect(&m_revealTimer, &QTimer::timeout, this, &TokensPage::hideSecret);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { currentChanged(current); });
    // A reset (rows added or removed in the index) loses the view's current item: the
    // selection is kept by id meanwhile and restored right after.
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_resetting = true; });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_resetting = false;
        m_tree->expandAll();
        sync();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TokensPage::expandInserted);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TokensPage::scheduleSync);
    connect(m_session->index(), &PortfolioIndex::changed, this, &TokensPage::scheduleSync);
    connect(m_session->handOff(), &TokenHandOff::pendingTokensChanged, this,
            &TokensPage::scheduleSync);
    connect(m_session->handOff(), &TokenHandOff::pendingTokensChanged, this,
            &TokensPage::markHeldTokens);
    connect(m_manager, &TokenManager::busyChanged, this, &TokensPage::updateActions);
    connect(m_session, &Session::stateChanged, this, [this] {
        if (profileId() != m_profileId)
            reload();
        else
            updateActions();
    });

    reload();
}

TokensPage::~TokensPage()
{
    // The revealed value goes with the page, and nothing else may run this late.
    m_revealTimer.stop();
    m_value->clear();
}

QMessageBox *TokensPage::confirmation() const
{
    return m_confirmation;
}

AddTokenDialog *TokensPage::addTokenDialog() const
{
    return m_addDialog;
}

EditTokenDialog *TokensPage::editTokenDialog() const
{
    return m_editDialog;
}

PasteTokenDialog *TokensPage::pasteTokenDialog() const
{
    return m_pasteDialog;
}

DeletePortfolioDialog *TokensPage::deletePortfolioDialog() const
{
    return m_deleteDialog;
}

QPushButton *TokensPage::makeButton(const QString &objectName, const QString &text,
                                    const QString &accessibleName, const QString &toolTip)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    return button;
}

void TokensPage::buildUi()
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter by portfolio or token name or id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter portfolios and tokens"));
    m_filter->setToolTip(tr("Shows the portfolios and tokens whose name or id contains the "
                            "text (Ctrl+F)."));
    connect(m_filter, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_proxy->setFilterText(text); });

    m_refresh =
        makeButton(QStringLiteral("refresh"), tr("Refresh from eToro"), tr("Refresh from eToro"),
                   tr("Lists the account's portfolios and tokens on eToro and adds the "
                      "ones missing here, without their secrets (F5)."));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload, nullptr, this));
    connect(m_refresh, &QPushButton::clicked, this, &TokensPage::refresh);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);

    m_notice = new NoticePanel(m_clipboard, this);
    m_notice->setObjectName(QStringLiteral("tokensNotice"));
    // "Copied …, cleared in 30 seconds" is wrong once the guard's watch is over (the secret
    // was cleared, or newer content replaced it): it goes with it, unless another message
    // has taken its place.
    // A dismissed notice has no text; the page may be on a tab not shown just now.
    connect(m_clipboard, &ClipboardGuard::cleared, this, [this] {
        if (!m_copiedNotice.isEmpty() && m_notice->text() == m_copiedNotice)
            m_notice->dismiss();
        m_copiedNotice.clear();
    });

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("tree"));
    m_tree->setAccessibleName(tr("Portfolios and tokens"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    // A scroll bar that comes and goes with the filter relays the tree out twice.
    m_tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(PortfolioTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(PortfolioTreeModel::NameColumn, 170);
    // Secret fits its longest text ("not stored here"; longer in German); Details, cut at
    // the edge anyway, gives up what Secret needs beyond 100 px, so that both stay in view.
    const QFontMetrics metrics(m_tree->font());
    int secretWidth = metrics.horizontalAdvance(
        m_model->headerData(PortfolioTreeModel::SecretColumn, Qt::Horizontal, Qt::DisplayRole)
            .toString());
    for (const QString &text : PortfolioTreeModel::secretColumnTexts())
        secretWidth = std::max(secretWidth, metrics.horizontalAdvance(text));
    secretWidth += 3 * metrics.averageCharWidth();
    m_tree->header()->resizeSection(PortfolioTreeModel::SecretColumn, secretWidth);
    constexpr int usualSecretWidth = 100;
    constexpr int usualDetailsWidth = 160;
    m_tree->header()->resizeSection(
        PortfolioTreeModel::DetailsColumn,
        std::max(100, usualDetailsWidth - std::max(0, secretWidth - usualSecretWidth)));
    m_tree->header()->resizeSection(PortfolioTreeModel::ExpiryColumn, 90);
    // Whether the secret is here matters more than when the token was made: it comes first,
    // in view without scrolling at the window's usual width.
    m_tree->header()->moveSection(m_tree->header()->visualIndex(PortfolioTreeModel::SecretColumn),
                                  m_tree->header()->visualIndex(PortfolioTreeModel::CreatedColumn));
    m_tree->installEventFilter(this);

    m_details = new QStackedWidget(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_emptyText = new QLabel(m_details);
    m_emptyText->setObjectName(QStringLiteral("emptyDetails"));
    m_emptyText->setWordWrap(true);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setTextFormat(Qt::PlainText);
    m_details->insertWidget(EmptyPage, m_emptyText);
    m_details->insertWidget(PortfolioPage, buildPortfolioPane());
    m_details->insertWidget(TokenPage, buildTokenPane());

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detailsScroll"));
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("splitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // The tree's columns need the room; the details wrap.
    splitter->setSizes({ 600, 400 });
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);

    // Ctrl+F and F5 work wherever the focus is in the window, while the page is shown.
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    auto *refreshKey = new QShortcut(QKeySequence(Qt::Key_F5), this);
    connect(refreshKey, &QShortcut::activated, this, &TokensPage::refresh);

    // Tab follows the reading order: the top row (filter, Refresh), the tree, then the details
    // row by row.
    const QList<QWidget *> chain = { m_filter, m_refresh, m_tree,     m_value,          m_copy,
                                     m_reveal, m_copyEnv, m_paste,    m_retryStore,     m_edit,
                                     m_forget, m_revoke,  m_addToken, m_deletePortfolio };
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

QWidget *TokensPage::buildPortfolioPane()
{
    auto *pane = new QWidget(m_details);
    pane->setObjectName(QStringLiteral("portfolioDetails"));
    m_pName = titleLabel(QStringLiteral("portfolioName"), pane);
    m_pName->setAccessibleName(tr("Portfolio name"));
    m_pState = valueLabel(QStringLiteral("portfolioState"), tr("Portfolio state"), pane);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const auto row = [&](QLabel *&label, const char *name, const QString &field,
                         const QString &rowText) {
        label = valueLabel(QString::fromLatin1(name), field, pane);
        form->addRow(rowText, label);
    };
    row(m_pId, "portfolioId", tr("Portfolio id"), tr("Id:"));
    row(m_pGcid, "portfolioGcid", tr("GCID"), tr("GCID:"));
    row(m_pMirrorId, "portfolioMirrorId", tr("Mirror id"), tr("Mirror id:"));
    row(m_pBalance, "portfolioVirtualBalance", tr("Virtual balance"), tr("Virtual balance:"));
    row(m_pInvestment, "portfolioInvestment", tr("Investment"), tr("Investment:"));
    row(m_pCreated, "portfolioCreated", tr("Created"), tr("Created:"));
    row(m_pDescription, "portfolioDescription", tr("Description"), tr("Description:"));
    row(m_pTokens, "portfolioTokens", tr("Tokens"), tr("Tokens:"));

    m_addToken = makeButton(QStringLiteral("addToken"), tr("&Add token…"),
                            tr("Add a token to this portfolio"),
                            tr("Asks eToro for a new token for this portfolio and stores its "
                               "secret in the keychain."));
    connect(m_addToken, &QPushButton::clicked, this, &TokensPage::addToken);
    m_deletePortfolio = makeButton(QStringLiteral("deletePortfolio"), tr("&Delete…"),
                                   tr("Delete this portfolio on eToro"),
                                   tr("Deletes the portfolio on eToro: its copy mirror stops and "
                                      "every token is revoked."));
    m_deletePortfolio->setIcon(style()->standardIcon(QStyle::SP_TrashIcon, nullptr, this));
    connect(m_deletePortfolio, &QPushButton::clicked, this, &TokensPage::deletePortfolio);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addToken);
    buttons->addStretch(1);
    buttons->addWidget(m_deletePortfolio);

    auto *layout = new QVBoxLayout(pane);
    layout->addWidget(m_pName);
    layout->addWidget(m_pState);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return pane;
}

QWidget *TokensPage::buildTokenPane()
{
    auto *pane = new QWidget(m_details);
    pane->setObjectName(QStringLiteral("tokenDetails"));
    m_tName = titleLabel(QStringLiteral("tokenName"), pane);
    m_tName->setAccessibleName(tr("Token name"));
    m_tState = valueLabel(QStringLiteral("tokenState"), tr("Token state"), pane);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const auto row = [&](QLabel *&label, const char *name, const QString &field,
                         const QString &rowText) {
        label = valueLabel(QString::fromLatin1(name), field, pane);
        form->addRow(rowText, label);
    };
    row(m_tPortfolio, "tokenPortfolio", tr("Portfolio"), tr("Portfolio:"));
    row(m_tId, "tokenId", tr("Token id"), tr("Id:"));
    row(m_tClientId, "tokenClientId", tr("Client id"), tr("Client id:"));
    row(m_tScopes, "tokenScopes", tr("Scopes"), tr("Scopes:"));
    row(m_tIps, "tokenIps", tr("IP allow-list"), tr("IP allow-list:"));

    // The expiry with its badge: a framed, bold word ("Expired", "In 3 days"), in the
    // style's own colours.
    m_tExpiryBadge = valueLabel(QStringLiteral("tokenExpiryBadge"), tr("Expiry state"), pane);
    m_tExpiryBadge->setWordWrap(false);
    // One of a few short words of ours, shown whole.
    m_tExpiryBadge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    m_tExpiryBadge->setFrameShape(QFrame::StyledPanel);
    m_tExpiryBadge->setMargin(2);
    QFont bold = m_tExpiryBadge->font();
    bold.setBold(true);
    m_tExpiryBadge->setFont(bold);
    m_tExpiry = valueLabel(QStringLiteral("tokenExpiry"), tr("Expires"), pane);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_tExpiryBadge, 0, Qt::AlignTop);
    expiryRow->addWidget(m_tExpiry, 1);
    expiryRow->addStretch(); // keeps the badge compact when there is no date beside it
    form->addRow(tr("Expires:"), expiryRow);

    row(m_tCreated, "tokenCreated", tr("Created"), tr("Created:"));
    row(m_tSecret, "tokenSecretState", tr("Secret"), tr("Secret:"));

    // The value: empty and masked until the user asks; read from the keychain only then.
    m_value = new QLineEdit(pane);
    m_value->setObjectName(QStringLiteral("tokenValue"));
    m_value->setReadOnly(true);
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setPlaceholderText(tr("Hidden"));
    m_value->setAccessibleName(tr("Token value"));
    m_value->setAccessibleDescription(
        tr("The token's secret, read from the keychain when you press Reveal and hidden again "
           "after a while."));

    m_copy = makeButton(QStringLiteral("copyToken"), tr("&Copy"), tr("Copy the token's secret"),
                        tr("Copies the secret, marked as a password, and clears the clipboard "
                           "after a while (Ctrl+C in the list)."));
    connect(m_copy, &QPushButton::clicked, this, &TokensPage::copySecret);
    m_reveal =
        makeButton(QStringLiteral("revealToken"), tr("R&eveal"), tr("Reveal the token's secret"),
                   tr("Shows the secret here for a few seconds."));
    connect(m_reveal, &QPushButton::clicked, this, &TokensPage::toggleReveal);
    m_copyEnv = makeButton(QStringLiteral("copyEnvLine"), tr("Copy as environment &line"),
                           tr("Copy the token as an environment variable line"),
                           tr("Copies AGENTFOLIO_TOKEN_<NAME>=<secret>, for an agent's "
                              "configuration, and clears the clipboard after a while."));
    connect(m_copyEnv, &QPushButton::clicked, this, &TokensPage::copyEnvironmentLine);

    m_edit = makeButton(QStringLiteral("editToken"), tr("Ed&it…"),
                        tr("Edit the token's scopes, IP allow-list or expiry"),
                        tr("Changes the token's scopes, IP allow-list or expiry on eToro."));
    connect(m_edit, &QPushButton::clicked, this, &TokensPage::editToken);
    m_revoke =
        makeButton(QStringLiteral("revokeToken"), tr("Rev&oke…"), tr("Revoke the token on eToro"),
                   tr("Revokes the token on eToro, then forgets it here."));
    connect(m_revoke, &QPushButton::clicked, this, &TokensPage::revokeToken);
    m_forget = makeButton(QStringLiteral("forgetToken"), tr("For&get…"),
                          tr("Forget the token on this computer only"),
                          tr("Removes the token and its secret from this computer; it stays "
                             "valid on eToro."));
    connect(m_forget, &QPushButton::clicked, this, &TokensPage::forgetToken);
    m_paste = makeButton(QStringLiteral("pasteToken"), tr("Pa&ste value…"),
                         tr("Store the token's secret by pasting it"),
                         tr("For a token created elsewhere: paste its secret to keep it in "
                            "the keychain."));
    connect(m_paste, &QPushButton::clicked, this, &TokensPage::pasteSecret);
    m_retryStore = makeButton(QStringLiteral("retryStore"), tr("Re&try saving"),
                              tr("Retry saving the secret in the keychain"),
                              tr("Writes the secret held in memory to the keychain again."));
    connect(m_retryStore, &QPushButton::clicked, this, [this] {
        if (!m_tokenId.isEmpty())
            m_session->handOff()->retry(m_tokenId);
    });

    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_copy);
    valueRow->addWidget(m_reveal);
    auto *valueBox = new QVBoxLayout;
    valueBox->addLayout(valueRow);
    auto *envRow = new QHBoxLayout;
    envRow->addWidget(m_copyEnv);
    envRow->addWidget(m_paste);
    envRow->addWidget(m_retryStore);
    envRow->addStretch(1);
    valueBox->addLayout(envRow);
    auto *valueLabelText = new QLabel(tr("&Value:"), pane);
    valueLabelText->setBuddy(m_value);
    form->addRow(valueLabelText, valueBox);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addStretch(1);
    buttons->addWidget(m_forget);
    buttons->addWidget(m_revoke);

    auto *layout = new QVBoxLayout(pane);
    layout->addWidget(m_tName);
    layout->addWidget(m_tState);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return pane;
}

// ---- state ------------------------------------------------------------------------------

QString TokensPage::profileId() const
{
    return m_session->activeProfile().id;
}

QDateTime TokensPage::now() const
{
    return m_clock();
}

void TokensPage::reload()
{
    hideSecret();
    const QString id = profileId();
    if (id != m_profileId) {
        m_profileId = id;
        m_portfolioId.clear();
        m_tokenId.clear();
        m_pendingPortfolioId.clear();
        m_pendingTokenId.clear();
    }
    m_model->setProfile(id);
    markHeldTokens();
    m_tree->expandAll();
    sync();
}

void TokensPage::markHeldTokens()
{
    QSet<QString> held;
    const QList<PendingToken> pending = m_session->handOff()->pendingTokens();
    for (const PendingToken &token : pending) {
        // One being saved is not refused yet: the details say "Being saved…" meanwhile.
        if (token.profileId == m_profileId && !token.storing)
            held.insert(token.token.token.id);
    }
    m_model->setHeldTokenIds(held);
}

void TokensPage::setRevealDuration(std::chrono::milliseconds duration)
{
    m_revealTimer.setInterval(duration);
}

bool TokensPage::isRevealed() const
{
    return m_value->echoMode() == QLineEdit::Normal && !m_value->text().isEmpty();
}

void TokensPage::setNow(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
    m_model->setNow(m_clock);
    updateDetails();
}

std::optional<IndexedPortfolio> TokensPage::selectedPortfolio() const
{
    if (m_portfolioId.isEmpty())
        return std::nullopt;
    return m_session->index()->portfolio(m_profileId, m_portfolioId);
}

std::optional<IndexedToken> TokensPage::selectedToken() const
{
    if (m_portfolioId.isEmpty() || m_tokenId.isEmpty())
        return std::nullopt;
    return m_session->index()->token(m_profileId, m_portfolioId, m_tokenId);
}

void TokensPage::currentChanged(const QModelIndex &current)
{
    if (m_resetting)
        return;
    QString portfolioId;
    QString tokenId;
    if (current.isValid()) {
        portfolioId = current.data(PortfolioTreeModel::PortfolioIdRole).toString();
        tokenId = current.data(PortfolioTreeModel::TokenIdRole).toString();
    }
    if (portfolioId != m_portfolioId || tokenId != m_tokenId) {
        // A secret on screen belongs to the token it was revealed for, and to no other.
        hideSecret();
        m_portfolioId = portfolioId;
        m_tokenId = tokenId;
    }
    updateDetails();
}

void TokensPage::select(const QModelIndex &sourceIndex)
{
    QModelIndex index = m_proxy->mapFromSource(sourceIndex);
    if (!index.isValid() && !m_filter->text().isEmpty()) {
        // The filter hides it: the user asked to see it, so show everything.
        m_filter->clear();
        index = m_proxy->mapFromSource(sourceIndex);
    }
    if (!index.isValid())
        return;
    if (index.parent().isValid())
        m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

bool TokensPage::selectPortfolio(const QString &portfolioId)
{
    const QModelIndex source = m_model->indexOfPortfolio(portfolioId);
    if (!source.isValid())
        return false;
    select(source);
    return m_portfolioId == portfolioId && m_tokenId.isEmpty();
}

bool TokensPage::selectToken(const QString &portfolioId, const QString &tokenId)
{
    const QModelIndex source = m_model->indexOfToken(portfolioId, tokenId);
    if (!source.isValid())
        return false;
    select(source);
    return m_portfolioId == portfolioId && m_tokenId == tokenId;
}

void TokensPage::scheduleSync()
{
    m_syncTimer.start();
}

void TokensPage::sync()
{
    m_syncTimer.stop();
    if (!m_pendingTokenId.isEmpty() && selectToken(m_pendingPortfolioId, m_pendingTokenId)) {
        m_pendingPortfolioId.clear();
        m_pendingTokenId.clear();
    }
    // Put the view's current item back on the selection (after a reset), or on what is left
    // of it: a token that is gone leaves its portfolio selected.
    if (!m_portfolioId.isEmpty()) {
        QModelIndex wanted = m_tokenId.isEmpty() ? m_model->indexOfPortfolio(m_portfolioId)
                                                 : m_model->indexOfToken(m_portfolioId, m_tokenId);
        if (!wanted.isValid() && !m_tokenId.isEmpty())
            wanted = m_model->indexOfPortfolio(m_portfolioId);
        const QModelIndex proxyIndex = m_proxy->mapFromSource(wanted);
        if (proxyIndex.isValid()) {
            if (m_tree->currentIndex().siblingAtColumn(0) != proxyIndex.siblingAtColumn(0))
                m_tree->setCurrentIndex(proxyIndex);
        } else {
            hideSecret();
            m_portfolioId.clear();
            m_tokenId.clear();
            m_tree->setCurrentIndex(QModelIndex());
        }
    }
    updateDetails();
}

void TokensPage::expandInserted(const QModelIndex &parent, int first, int last)
{
    // Portfolios that appear (new ones, or ones the filter lets through again) open.
    if (parent.isValid())
        return;
    for (int row = first; row <= last; ++row)
        m_tree->expand(m_proxy->index(row, 0));
}

// ---- details ----------------------------------------------------------------------------

void TokensPage::updateDetails()
{
    const auto portfolio = selectedPortfolio();
    std::optional<IndexedToken> token;
    if (portfolio && !m_tokenId.isEmpty()) {
        if (const IndexedToken *found = portfolio->token(m_tokenId))
            token = *found;
    }
    if (portfolio && token) {
        showToken(*portfolio, *token);
        m_details->setCurrentIndex(TokenPage);
    } else if (portfolio && m_tokenId.isEmpty()) {
        showPortfolio(*portfolio);
        m_details->setCurrentIndex(PortfolioPage);
    } else {
        const bool empty = m_session->index()->portfolios(m_profileId).isEmpty();
        m_emptyText->setText(
            empty ? tr("No agent portfolios here yet. Create one, or press Refresh from eToro to "
                       "list the ones this account has.")
                  : tr("Select a portfolio or a token to see its details and actions."));
        m_details->setCurrentIndex(EmptyPage);
    }
    updateActions();
}

void TokensPage::showPortfolio(const IndexedPortfolio &portfolio)
{
    setValue(m_pName, portfolio.name.isEmpty() ? portfolio.id : portfolio.name);
    setValue(m_pState,
             portfolio.goneFromServer
                 ? tr("eToro no longer lists this portfolio: it was deleted elsewhere. Its "
                      "tokens no longer work.")
                 : QString());
    m_pState->setVisible(portfolio.goneFromServer);
    setValue(m_pId, portfolio.id);
    setValue(m_pGcid, portfolio.gcid ? QString::number(portfolio.gcid) : tr("Not known"));
    setValue(m_pMirrorId,
             portfolio.mirrorId ? QString::number(portfolio.mirrorId) : tr("Not known"));
    setValue(m_pBalance, portfolio.virtualBalance.toDisplayString(locale()));
    setValue(m_pInvestment,
             portfolio.investment
                 ? portfolio.investment->toDisplayString(locale())
                 : tr("Not known (eToro does not list it; it is known only for portfolios "
                      "created here)"));
    setValue(m_pCreated, dateText(portfolio.createdAt));
    setValue(m_pDescription, portfolio.description.isEmpty() ? tr("None") : portfolio.description);
    int stored = 0;
    for (const IndexedToken &token : portfolio.tokens)
        stored += token.secretStored ? 1 : 0;
    setValue(m_pTokens,
             portfolio.tokens.isEmpty() ? tr("None")
                                        : tr("%n token(s), ", nullptr, int(portfolio.tokens.size()))
                     + tr("%n with its secret stored here", nullptr, stored));
}

void TokensPage::showToken(const IndexedPortfolio &portfolio, const IndexedToken &indexed)
{
    const UserToken &token = indexed.token;
    setValue(m_tName, token.name.isEmpty() ? token.id : token.name);
    QString state;
    if (indexed.revoked)
        state = tr("Revoked through Agentfolio.");
    else if (indexed.goneFromServer)
        state = tr("eToro no longer lists this token: it was revoked elsewhere. Forget it here.");
    setValue(m_tState, state);
    m_tState->setVisible(!state.isEmpty());
    setValue(m_tPortfolio, portfolio.name.isEmpty() ? portfolio.id : portfolio.name);
    setValue(m_tId, token.id);
    setValue(m_tClientId, token.clientId.isEmpty() ? tr("Not known") : token.clientId);
    setValue(m_tScopes, scopesText(token.scopeIds));
    setValue(m_tIps,
             token.ipsWhitelist.isEmpty() ? tr("Any address")
                                          : token.ipsWhitelist.join(QStringLiteral(", ")));
    setValue(m_tExpiryBadge, expiryBadge(token.expiresAt, now()));
    setValue(m_tExpiry,
             token.expiresAt && token.expiresAt->isValid() ? dateText(token.expiresAt) : QString());
    m_tExpiry->setVisible(token.expiresAt && token.expiresAt->isValid());
    setValue(m_tCreated, dateText(token.createdAt));

    const auto pending = m_session->handOff()->pendingToken(token.id);
    QString secret;
    if (pending && pending->profileId == m_profileId) {
        secret = pending->storing
            ? tr("Being saved in the keychain…")
            : tr("Only in this window's memory: the keychain refused it (%1). Retry saving it, "
                 "or copy it into your agent's configuration or a password manager now; it is "
                 "lost when Agentfolio quits.")
                  .arg(pending->error ? pending->error->message : tr("no reason given"));
    } else if (indexed.secretStored) {
        secret = tr("Stored in this computer's keychain.");
    } else {
        secret = tr("Not stored here. eToro cannot show it again: paste it if you have it, or "
                    "revoke this token and add a new one.");
    }
    setValue(m_tSecret, secret);
}

void TokensPage::updateActions()
{
    const bool idle = !m_manager->isBusy() && !m_reading;
    const bool ready = m_session->isReady();
    const auto portfolio = selectedPortfolio();
    const auto token = selectedToken();
    const auto pending =
        token ? m_session->handOff()->pendingToken(token->token.id) : std::optional<PendingToken>();
    const bool held = pending && pending->profileId == m_profileId;
    const bool hasSecret = token && (token->secretStored || held);
    const bool live = token && !token->revoked && !token->goneFromServer;

    m_copy->setEnabled(idle && hasSecret);
    m_reveal->setEnabled(isRevealed() || (idle && hasSecret));
    m_copyEnv->setEnabled(idle && hasSecret);
    m_edit->setEnabled(idle && ready && live);
    m_revoke->setEnabled(idle && ready && token && !token->revoked);
    m_forget->setEnabled(idle && token);
    m_paste->setVisible(token && !hasSecret);
    m_paste->setEnabled(idle && token && !hasSecret && !token->revoked);
    m_retryStore->setVisible(held && !pending->storing);
    m_retryStore->setEnabled(idle);
    m_addToken->setEnabled(idle && ready && portfolio && !portfolio->goneFromServer);
    m_deletePortfolio->setEnabled(idle && ready && portfolio);
    m_refresh->setEnabled(idle && ready);
}

// ---- secrets ----------------------------------------------------------------------------

void TokensPage::hideSecret()
{
    m_revealTimer.stop();
    if (!m_value)
        return;
    m_value->clear();
    m_value->setEchoMode(QLineEdit::Password);
    m_reveal->setText(tr("R&eveal"));
    m_reveal->setAccessibleName(tr("Reveal the token's secret"));
    updateActions();
}

void TokensPage::withSecret(std::function<void(const Secret &, const QString &)> use)
{
    const auto token = selectedToken();
    if (!token || m_reading || m_manager->isBusy())
        return;
    const QString portfolioId = m_portfolioId;
    const QString tokenId = m_tokenId;
    const QString name = token->token.name;
    m_reading = true;
    updateActions();
    m_manager->readSecret(portfolioId, tokenId, this,
                          [this, portfolioId, tokenId, name,
                           use = std::move(use)](const std::optional<Secret> &secret,
                                                 const TokenActionOutcome &outcome) {
                              m_reading = false;
                              if (!secret) {
                                  showOutcome(outcome);
                                  updateDetails();
                                  return;
                              }
                              // The user moved on meanwhile: the secret was for a token no longer
                              // in view.
                              if (portfolioId == m_portfolioId && tokenId == m_tokenId)
                                  use(*secret, name);
                              updateActions();
                          });
}

void TokensPage::copySecret()
{
    const auto token = selectedToken();
    if (!token)
        return;
    if (!m_copy->isEnabled()) {
        if (!token->secretStored && !m_session->handOff()->pendingToken(token->token.id))
            showInfo(tr("The secret of “%1” is not stored here: there is nothing to copy.")
                         .arg(token->token.name));
        return;
    }
    withSecret([this](const Secret &secret, const QString &name) {
        m_clipboard->copySecret(secret);
        const int seconds = int(m_clipboard->clearDelay().count());
        showInfo(seconds > 0 ? tr("Copied the secret of “%1”. The clipboard is cleared in %n "
                                  "second(s).",
                                  nullptr, seconds)
                                   .arg(name)
                             : tr("Copied the secret of “%1”. The clipboard is not cleared "
                                  "automatically.")
                                   .arg(name),
                 seconds > 0 ? tr("Copied the secret of “%1”.").arg(name) : QString());
        m_copiedNotice = m_notice->text();
    });
}

void TokensPage::toggleReveal()
{
    if (isRevealed()) {
        hideSecret();
        return;
    }
    if (!m_reveal->isEnabled())
        return;
    withSecret([this](const Secret &secret, const QString &) {
        m_value->setText(secret.reveal()); // shown on the user's request, never logged
        m_value->setEchoMode(QLineEdit::Normal);
        m_reveal->setText(tr("Hid&e"));
        m_reveal->setAccessibleName(tr("Hide the token's secret"));
        m_revealTimer.start();
    });
}

void TokensPage::copyEnvironmentLine()
{
    if (!m_copyEnv->isEnabled())
        return;
    withSecret([this](const Secret &secret, const QString &name) {
        const QString line = TokenManager::environmentLine(name, secret);
        const QString variable = line.left(line.indexOf(QLatin1Char('=')));
        m_clipboard->copySecret(Secret(line));
        const int seconds = int(m_clipboard->clearDelay().count());
        showInfo(seconds > 0
                     ? tr("Copied %1=… for an agent's configuration. The clipboard is cleared "
                          "in %n second(s).",
                          nullptr, seconds)
                           .arg(variable)
                     : tr("Copied %1=… for an agent's configuration. The clipboard is not "
                          "cleared automatically.")
                           .arg(variable),
                 seconds > 0 ? tr("Copied %1=…").arg(variable) : QString());
        m_copiedNotice = m_notice->text();
    });
}

// ---- actions ----------------------------------------------------------------------------

void TokensPage::showOutcome(const TokenActionOutcome &outcome)
{
    const QUuid requestId = outcome.apiError ? outcome.apiError->requestId : QUuid();
    const NoticePanel::Tone tone = !outcome.ok ? NoticePanel::Tone::Error
        : outcome.storeError                   ? NoticePanel::Tone::Warning
                                               : NoticePanel::Tone::Information;
    m_notice->showMessage(tone, outcome.message, requestId);
    emit statusMessage(withRequestId(outcome));
}

void TokensPage::showInfo(const QString &text, const QString &status)
{
    m_notice->showMessage(NoticePanel::Tone::Information, text);
    emit statusMessage(status.isEmpty() ? text : status);
}

bool TokensPage::actionsAllowed() const
{
    return !m_manager->isBusy() && !m_reading;
}

QMessageBox *TokensPage::confirm(const QString &title, const QString &text,
                                 const QString &informative, const QString &confirmText,
                                 QPushButton **confirmButton)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Names come from the server: plain text only.
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(informative);
    QPushButton *yes = box->addButton(confirmText, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirm"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancel"));
    // Enter and Escape both keep things as they are.
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    *confirmButton = yes;
    m_confirmation = box;
    return box;
}

void TokensPage::revokeToken()
{
    const auto portfolio = selectedPortfolio();
    const auto token = selectedToken();
    if (!portfolio || !token || !m_revoke->isEnabled() || m_confirmation)
        return;
    const QString portfolioId = portfolio->id;
    const QString tokenId = token->token.id;
    if (!m_session->settings()->confirmDestructiveActions()) {
        // The user turned the question off in the settings.
        m_manager->revokeToken(portfolioId, tokenId, this,
                               [this](const TokenActionOutcome &outcome) { showOutcome(outcome); });
        return;
    }
    QPushButton *yes = nullptr;
    QMessageBox *box =
        confirm(tr("Revoke token"),
                tr("Revoke the token “%1” of the portfolio “%2” on eToro?")
                    .arg(token->token.name, portfolio->name),
                tr("Agents using it lose access at once. Its secret is then removed from this "
                   "computer. This cannot be undone."),
                tr("&Revoke on eToro"), &yes);
    connect(box, &QMessageBox::finished, this, [this, box, yes, portfolioId, tokenId] {
        if (box->clickedButton() != yes || !actionsAllowed())
            return;
        m_manager->revokeToken(portfolioId, tokenId, this,
                               [this](const TokenActionOutcome &outcome) { showOutcome(outcome); });
    });
    box->open();
}

void TokensPage::forgetToken()
{
    const auto portfolio = selectedPortfolio();
    const auto token = selectedToken();
    if (!portfolio || !token || !m_forget->isEnabled() || m_confirmation)
        return;
    const QString portfolioId = portfolio->id;
    const QString tokenId = token->token.id;
    // A secret the keychain refused lives only in memory: forgetting it always asks.
    const bool onlyCopy = m_session->handOff()->pendingToken(tokenId).has_value();
    if (!onlyCopy && !m_session->settings()->confirmDestructiveActions()) {
        m_manager->forgetToken(portfolioId, tokenId, this,
                               [this](const TokenActionOutcome &outcome) { showOutcome(outcome); });
        return;
    }
    QPushButton *yes = nullptr;
    QMessageBox *box = confirm(
        tr("Forget token"),
        tr("Forget the token “%1” of the portfolio “%2” on this computer?")
            .arg(token->token.name, portfolio->name),
        onlyCopy ? tr("Its secret was never saved in the keychain: the copy in this window is "
                      "the only one. Forgetting it loses it for good; eToro cannot show it "
                      "again. Copy it first if an agent needs it.")
                 : tr("The token stays valid on eToro; only this computer forgets it and "
                      "removes its secret from the keychain. The secret cannot be recovered "
                      "from eToro: to use this token again you would have to revoke it and add "
                      "a new one."),
        tr("&Forget here"), &yes);
    connect(box, &QMessageBox::finished, this, [this, box, yes, portfolioId, tokenId] {
        if (box->clickedButton() != yes || !actionsAllowed())
            return;
        m_manager->forgetToken(portfolioId, tokenId, this,
                               [this](const TokenActionOutcome &outcome) { showOutcome(outcome); });
    });
    box->open();
}

void TokensPage::editToken()
{
    const auto portfolio = selectedPortfolio();
    const auto token = selectedToken();
    if (!portfolio || !token || !m_edit->isEnabled() || m_editDialog)
        return;
    const QString portfolioId = portfolio->id;
    const QString tokenId = token->token.id;
    auto *dialog = new EditTokenDialog(token->token, portfolio->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNow(m_clock);
    m_editDialog = dialog;
    connect(dialog, &EditTokenDialog::saveRequested, this,
            [this, portfolioId, tokenId](const UpdateTokenRequest &request) {
                if (!m_editDialog || m_editDialog->isBusy() || !actionsAllowed())
                    return;
                m_editDialog->setBusy(true, tr("Saving on eToro…"));
                const QPointer<EditTokenDialog> dialog = m_editDialog;
                m_manager->updateToken(portfolioId, tokenId, request, this,
                                       [this, dialog](const TokenActionOutcome &outcome) {
                                           showOutcome(outcome);
                                           if (!dialog)
                                               return;
                                           if (outcome.ok) {
                                               dialog->setBusy(false);
                                               dialog->accept();
                                           } else {
                                               dialog->showServerProblem(withRequestId(outcome));
                                           }
                                       });
            });
    dialog->open();
}

void TokensPage::pasteSecret()
{
    const auto portfolio = selectedPortfolio();
    const auto token = selectedToken();
    if (!portfolio || !token || !m_paste->isEnabled() || m_pasteDialog)
        return;
    const QString portfolioId = portfolio->id;
    const QString tokenId = token->token.id;
    auto *dialog = new PasteTokenDialog(token->token.name, portfolio->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pasteDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, portfolioId, tokenId] {
        const Secret secret = dialog->secret();
        dialog->clearValue();
        if (!actionsAllowed())
            return;
        m_manager->storePastedToken(portfolioId, tokenId, secret, this,
                                    [this](const TokenActionOutcome &outcome) {
                                        showOutcome(outcome);
                                        updateDetails();
                                    });
    });
    dialog->open();
}

void TokensPage::addToken()
{
    const auto portfolio = selectedPortfolio();
    if (!portfolio || !m_tokenId.isEmpty() || !m_addToken->isEnabled() || m_addDialog)
        return;
    const QString portfolioId = portfolio->id;
    auto *dialog = new AddTokenDialog(portfolio->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNow(m_clock);
    m_addDialog = dialog;
    connect(dialog, &AddTokenDialog::addRequested, this,
            [this, portfolioId](const AddTokenRequest &request) {
                if (!m_addDialog || m_addDialog->isBusy() || !actionsAllowed())
                    return;
                m_addDialog->setBusy(true, tr("Adding the token on eToro…"));
                const QPointer<AddTokenDialog> dialog = m_addDialog;
                m_manager->addToken(
                    portfolioId, request, this,
                    [this, dialog, portfolioId](const TokenActionOutcome &outcome,
                                                const CreatedToken &created) {
                        showOutcome(outcome);
                        if (!outcome.ok) {
                            if (dialog)
                                dialog->showServerProblem(outcome.apiError ? outcome.apiError->field
                                                                           : Field::None,
                                                          withRequestId(outcome));
                            // A value the answer carried but nothing could
                            // save: this is the user's only chance to keep it.
                            if (!created.secret.isEmpty()) {
                                auto *held = new UnsavedValueDialog(
                                    created, withRequestId(outcome), m_clipboard,
                                    dialog ? static_cast<QWidget *>(dialog.data()) : this);
                                held->setAttribute(Qt::WA_DeleteOnClose);
                                held->open();
                            }
                            return;
                        }
                        if (dialog) {
                            dialog->setBusy(false);
                            dialog->accept();
                        }
                        // The hand-off writes it to the index after the keychain
                        // answers.
                        m_pendingPortfolioId = portfolioId;
                        m_pendingTokenId = created.token.id;
                        scheduleSync();
                    });
            });
    dialog->open();
}

void TokensPage::deletePortfolio()
{
    const auto portfolio = selectedPortfolio();
    if (!portfolio || !m_tokenId.isEmpty() || !m_deletePortfolio->isEnabled() || m_deleteDialog)
        return;
    const QString portfolioId = portfolio->id;
    auto *dialog = new DeletePortfolioDialog(portfolio->name, int(portfolio->tokens.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_deleteDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, portfolioId] {
        if (!actionsAllowed())
            return;
        m_manager->deletePortfolio(
            portfolioId, this, [this](const TokenActionOutcome &outcome) { showOutcome(outcome); });
    });
    dialog->open();
}

void TokensPage::refresh()
{
    if (!m_refresh->isEnabled())
        return;
    m_manager->refresh(this, [this](const TokenActionOutcome &outcome) { showOutcome(outcome); });
}

// ---- events -----------------------------------------------------------------------------

bool TokensPage::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+C in the list copies the selected token's secret (through the guard), or the
    // selected portfolio's id, instead of the row's text.
    if (watched == m_tree
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) && !m_portfolioId.isEmpty()) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                if (!m_tokenId.isEmpty()) {
                    copySecret();
                } else {
                    m_clipboard->copyText(m_portfolioId);
                    showInfo(tr("Copied the portfolio's id."));
                }
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TokensPage::hideEvent(QHideEvent *event)
{
    // A secret never stays on a page nobody looks at.
    hideSecret();
    QWidget::hideEvent(event);
}

} // namespace agentfolio
