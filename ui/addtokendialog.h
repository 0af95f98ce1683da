#pragma once

#include "domain/requests.h"
#include "domain/validation.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QStringList>
#include <functional>

class QCheckBox;
class QDateTimeEdit;
class QKeyEvent;
class QShowEvent;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace agentfolio {

class IpListEdit;

// "Add a token" to an existing agent portfolio (after a 207 answer, and from the token
// manager): token name, scopes, IP allow-list and expiry, validated with the core's rules
// as the user types. It never sends anything: Add token emits addRequested() and the dialog
// stays open until the caller accept()s it or shows the server's problem.
class AddTokenDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddTokenDialog(const QString &portfolioName, QWidget *parent = nullptr);
    ~AddTokenDialog() override;

    QString portfolioName() const { return m_portfolioName; }

    // What the form holds. The IP allow-list includes an address typed but not yet added.
    TokenDraft draft() const;
    // The validated, normalised request (trimmed name, sorted scopes, expiry in UTC whole
    // seconds). Meaningful only while isValid(); otherwise a default-constructed request.
    AddTokenRequest request() const;
    bool isValid() const { return m_valid; }

    // While the caller's request runs: every input and both buttons disabled (the answer may
    // carry the token's secret, which must not arrive at a closed dialog), a busy indicator
    // and the status shown. Escape and the close button wait too.
    void setBusy(bool busy, const QString &status = {});
    bool isBusy() const { return m_busy; }

    // Shows the server's refusal at its field (409 duplicate name: Field::TokenName); a field
    // the form does not have (Field::None, ...) goes above the buttons. It ends the busy
    // state, focuses the field, and stays until the user edits that field or
    // clearServerProblems().
    void showServerProblem(Field field, const QString &message);
    void clearServerProblems();

    // The messages shown at a field right now (Field::None: the general ones), for tests.
    QStringList shownProblems(Field field) const;

    // For tests: the "now" used by expiry validation. Defaults to the system clock.
    void setNow(std::function<QDateTime()> clock);

public slots:
    void done(int result) override;

signals:
    // The user confirmed a valid form that is not busy. Exactly once per press.
    void addRequested(const agentfolio::AddTokenRequest &request);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct FieldUi
    {
        QWidget *input = nullptr; // receives focus when the field has a problem
        QWidget *box = nullptr; // icon and text; hidden when there is nothing to say
        QLabel *text = nullptr;
        QString description; // the input's accessible description without problems
    };

    void buildUi();
    QWidget *makeProblemBox(Field field, QWidget *input);
    void userEdited(Field field);
    void revalidate();
    void updateProblemLabels();
    void updateExpiryUi();
    void growToFit();
    void submit();

    QString m_portfolioName;
    std::function<QDateTime()> m_now;
    bool m_busy = false;
    bool m_valid = false;
    bool m_emitting = false;
    bool m_submitAttempted = false;
    bool m_updating = false; // the dialog itself is changing inputs: not a user edit
    bool m_ipPendingShown = false; // a typed address is judged once the user is done with it
    bool m_expiryEdited = false;
    // The expiry section before the last digit typed there, to tell whether that digit moved
    // the edit on to the next section (-1: the last key was not a digit).
    int m_expirySectionBeforeDigit = -1;
    QList<Field> m_touched;
    Problems m_problems;
    QMap<Field, QStringList> m_serverProblems;
    QMap<Field, FieldUi> m_fields;
    QPointer<QWidget> m_focusBeforeBusy;

    QWidget *m_form = nullptr;
    QLineEdit *m_tokenName = nullptr;
    QMap<int, QCheckBox *> m_scopes;
    IpListEdit *m_ips = nullptr;
    QCheckBox *m_neverExpires = nullptr;
    QDateTimeEdit *m_expiresAt = nullptr;
    QLabel *m_expiresAtUtc = nullptr;
    QWidget *m_generalBox = nullptr;
    QLabel *m_generalText = nullptr;
    QProgressBar *m_busyIndicator = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace agentfolio
