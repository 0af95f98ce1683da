#pragma once

#include "domain/requests.h"
#include "domain/validation.h"

#include <QDateTime>
#include <QMap>
#include <QPointer>
#include <QWidget>
#include <functional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;

namespace agentfolio {

class IpListEdit;

// The form for POST /api/v1/agent-portfolios. It validates with the core's rules as the
// user types and says what the user wants; it never sends anything itself.
class CreatePortfolioPage : public QWidget
{
    Q_OBJECT
public:
    explicit CreatePortfolioPage(QWidget *parent = nullptr);
    ~CreatePortfolioPage() override;

    // What the form holds. The IP allow-list includes an address typed but not yet added.
    CreatePortfolioDraft draft() const;
    // Restores a form. Fields that hold something show their problems at once.
    void setDraft(const CreatePortfolioDraft &draft);

    // While a request runs: every input and the Create button disabled, a busy indicator shown.
    void setBusy(bool busy, const QString &status = {});
    bool isBusy() const { return m_busy; }
    // Shows a server-side problem at its field (Field::None: a general message above the
    // button). It stays until clearServerProblems() or until the user edits that field.
    void showServerProblem(Field field, const QString &message);
    void clearServerProblems();

    bool isValid() const { return m_valid; }
    // For tests: the "now" used by expiry validation. Defaults to the system clock.
    void setNow(std::function<QDateTime()> clock);
    // The sandbox moves no real money; the amount's note must not say it does.
    void setRealMoney(bool realMoney);

    // The messages shown at a field right now (the core's and the server's), for tests and
    // for the lead's code. Empty when nothing is shown.
    QStringList shownProblems(Field field) const;

signals:
    // The user pressed Create (or Enter) on a valid, non-busy form. Exactly once per press.
    void createRequested(const agentfolio::CreatePortfolioRequest &request);
    // Any edit of the form by the user, and setDraft().
    void draftChanged();

protected:
    // Alt+letter into the form scrolls its field into view.
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct FieldUi
    {
        QWidget *input = nullptr; // receives focus when the field has a problem
        QWidget *box = nullptr; // icon and text; hidden when there is nothing to say
        QLabel *text = nullptr;
        QString description; // the input's accessible description without problems
    };

    void buildForm();
    QWidget *makeProblemBox(Field field, QWidget *input);
    void userEdited(Field field);
    void revalidate();
    void updateProblemLabels();
    void updateNameCounter();
    void updateExpiryUi();
    void submit();

    std::function<QDateTime()> m_now;
    bool m_busy = false;
    bool m_valid = false;
    bool m_emitting = false;
    bool m_submitAttempted = false;
    bool m_updating = false; // the page itself is changing inputs: not a user edit
    bool m_ipPendingShown = false; // the typed address is judged only once the user is done
    bool m_expiryEdited = false;
    QList<Field> m_touched; // fields the user has edited (a handful: a list will do)
    Problems m_problems;
    QMap<Field, QStringList> m_serverProblems;
    QMap<Field, FieldUi> m_fields;
    QPointer<QWidget> m_focusBeforeBusy;

    QScrollArea *m_scroll = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_amount = nullptr;
    QLabel *m_amountNote = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameCounter = nullptr;
    QLineEdit *m_tokenName = nullptr;
    QMap<int, QCheckBox *> m_scopes;
    IpListEdit *m_ips = nullptr;
    QCheckBox *m_neverExpires = nullptr;
    QDateTimeEdit *m_expiresAt = nullptr;
    QLabel *m_expiresAtUtc = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QWidget *m_generalBox = nullptr;
    QLabel *m_generalText = nullptr;
    QProgressBar *m_busyIndicator = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_create = nullptr;
};

} // namespace agentfolio
