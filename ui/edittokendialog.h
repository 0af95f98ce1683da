#pragma once

#include "domain/portfolio.h"
#include "domain/requests.h"
#include "domain/validation.h"

#include <QDateTime>
#include <QDialog>
#include <QMap>
#include <functional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;

namespace agentfolio {

class IpListEdit;

// Edits what eToro lets us change on an existing token: its scopes, its IP allow-list and
// its expiry. It starts from the token as the index knows it and asks only for what the user
// changed (PATCH sends only what is set). Like AddTokenDialog it never sends anything itself:
// Save emits saveRequested() and the dialog stays open until the caller accept()s it or
// shows the server's problem.
class EditTokenDialog : public QDialog
{
    Q_OBJECT
public:
    EditTokenDialog(const UserToken &token, const QString &portfolioName,
                    QWidget *parent = nullptr);
    ~EditTokenDialog() override;

    QString tokenId() const { return m_token.id; }

    // What differs from the token, normalised (sorted scopes, trimmed addresses, expiry in UTC
    // whole seconds). Empty while nothing changed or something is invalid.
    UpdateTokenRequest request() const;
    // The form's problems right now (the core's rules).
    Problems problems() const { return m_problems; }
    // Valid and changed: Save is enabled.
    bool canSave() const;

    // While the caller's request runs: inputs and buttons disabled, status shown.
    void setBusy(bool busy, const QString &status = {});
    bool isBusy() const { return m_busy; }
    // The server's refusal, above the buttons; ends the busy state. Cleared by the next edit.
    void showServerProblem(const QString &message);
    // Every message shown right now (the form's and the server's), for tests.
    QStringList shownProblems() const;

    // For tests: the "now" used by expiry validation. Defaults to the system clock.
    void setNow(std::function<QDateTime()> clock);

public slots:
    void done(int result) override;

signals:
    // The user pressed Save on a valid, changed form that is not busy.
    void saveRequested(const agentfolio::UpdateTokenRequest &request);

private:
    void buildUi();
    void revalidate();
    void submit();
    // Computes the request from the form; appends the form's problems.
    UpdateTokenRequest compute(Problems *problems) const;

    UserToken m_token;
    QString m_portfolioName;
    std::function<QDateTime()> m_now;
    bool m_busy = false;
    Problems m_problems;
    QString m_serverProblem;

    QWidget *m_form = nullptr;
    QMap<int, QCheckBox *> m_scopes;
    IpListEdit *m_ips = nullptr;
    QCheckBox *m_neverExpires = nullptr;
    QDateTimeEdit *m_expiresAt = nullptr;
    QLabel *m_expiresAtUtc = nullptr;
    QLabel *m_problemText = nullptr;
    QProgressBar *m_busyIndicator = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace agentfolio
