#include "mainwindow.h"

#include <QLabel>

namespace agentfolio {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Agentfolio"));
    auto *placeholder = new QLabel(tr("Agentfolio"), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(900, 640);
}

} // namespace agentfolio
