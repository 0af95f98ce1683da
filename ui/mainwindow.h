#pragma once

#include <QMainWindow>

namespace agentfolio {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace agentfolio
