// The start-up benchmark's yardstick (tests/bench/startup-budget.sh): the least a Qt Widgets
// program does to show a window, built by the same CMake with the same flags as the app.
// With AGENTFOLIO_QUIT_AFTER_FIRST_SHOW=1 it quits once the window has first been shown,
// detected exactly as the app detects it (ui/firstshow.h).
#include "firstshow.h"

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(
        new QLabel(QStringLiteral("Hello from a minimal Qt Widgets program"), &window));
    // The main window's first-start size (MainWindow::firstStartSize()): both programs fill
    // (and the X server receives) as many pixels.
    window.resize(960, 660);
    // As the app does: exit() closes no window on the way out.
    if (agentfolio::quitAfterFirstShowRequested())
        agentfolio::afterFirstShow(&window, [] { QCoreApplication::exit(0); });
    window.show();
    return app.exec();
}
