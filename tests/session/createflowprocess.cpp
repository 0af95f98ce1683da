// One Agentfolio's start, as far as unsettled creates go, in a process of its own: for
// tst_createflowprocesses, which starts several at once on the same files.
//
//   createflowprocess SETTINGS_FILE INDEX_FILE
//
// Builds a session on those files, prints "ready", waits for a line "go" on its standard input,
// then makes the create flow (which takes up a create that an Agentfolio no longer running
// left unsettled) and prints "taken <request id>" (or "taken -") and "owner <its mark>". It
// then runs, holding its mark, until its standard input closes.
#include "session/createflow.h"
#include "session/session.h"
#include "store/handoffowner.h"
#include "store/memorysecretstore.h"
#include "store/tokenhandoff.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>
#include <iostream>
#include <string>

using namespace agentfolio;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: createflowprocess SETTINGS_FILE INDEX_FILE\n");
        return 2;
    }
    MemorySecretStore secrets;
    SessionOptions options;
    options.settingsFile = args.at(1);
    options.indexPath = args.at(2);
    options.secretStore = &secrets;
    Session session(options);

    std::cout << "ready" << std::endl;
    std::string line;
    if (!std::getline(std::cin, line) || line != "go")
        return 3;

    const CreateFlow flow(&session);
    const bool taken = flow.state() == CreateFlow::State::OutcomeUnknown;
    std::cout << "taken "
              << (taken ? flow.requestId().toString(QUuid::WithoutBraces).toStdString() : "-")
              << '\n'
              << "owner " << session.handOff()->owner()->id().toStdString() << std::endl;

    while (std::getline(std::cin, line)) { }
    return 0;
}
