#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QTest>

using agentfolio::AboutDialog;

class TestAboutDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsText_data();
    void showsText();
    void linksOpenInTheBrowser_data();
    void linksOpenInTheBrowser();
    void iconHasEverySize_data();
    void iconHasEverySize();
    void windowIconIsTheSmallerPngs();
    void showsTheIcon();
    void closes_data();
    void closes();
    void followsThePalette_data();
    void followsThePalette();
};

void TestAboutDialog::initTestCase()
{
    // main.cpp sets these; the dialog shows what the application says about itself.
    QCoreApplication::setApplicationName(QStringLiteral("agentfolio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTFOLIO_VERSION));
}

void TestAboutDialog::showsText_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("name") << QStringLiteral("aboutName") << QStringLiteral("Agentfolio");
    QTest::newRow("version") << QStringLiteral("aboutVersion")
                             << QStringLiteral("Version " AGENTFOLIO_VERSION);
    QTest::newRow("description") << QStringLiteral("aboutDescription")
                                 << QStringLiteral("eToro agent portfolios");
    QTest::newRow("licence") << QStringLiteral("aboutLicence")
                             << QStringLiteral("(GPL-3.0-or-later)");
    QTest::newRow("homepage") << QStringLiteral("aboutHomepage")
                              << QStringLiteral("github.com/agentfolio/agentfolio");
    QTest::newRow("qt runtime")
        << QStringLiteral("aboutQtVersion")
        << QStringLiteral("running on Qt %1").arg(QString::fromLatin1(qVersion()));
    QTest::newRow("qt build") << QStringLiteral("aboutQtVersion")
                              << QStringLiteral("Built with Qt " QT_VERSION_STR);
    QTest::newRow("not affiliated")
        << QStringLiteral("aboutNotAffiliated")
        << QStringLiteral("not affiliated with, endorsed by or supported by eToro");
}

void TestAboutDialog::showsText()
{
    QFETCH(QString, objectName);
    QFETCH(QString, expected);
    AboutDialog dialog;
    const auto *label = dialog.findChild<QLabel *>(objectName);
    QVERIFY2(label, qPrintable(objectName));
    QVERIFY2(label->text().contains(expected), qPrintable(label->text()));
    // Screen readers read the same text (links without their markup).
    QVERIFY2(label->accessibleName().contains(expected), qPrintable(label->accessibleName()));
    QVERIFY(!label->accessibleName().contains(QLatin1Char('<')));
}

void TestAboutDialog::linksOpenInTheBrowser_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QUrl>("url");
    QTest::newRow("licence") << QStringLiteral("aboutLicence") << AboutDialog::licenceUrl();
    QTest::newRow("homepage") << QStringLiteral("aboutHomepage") << AboutDialog::homepageUrl();
}

void TestAboutDialog::linksOpenInTheBrowser()
{
    QFETCH(QString, objectName);
    QFETCH(QUrl, url);
    QVERIFY(url.isValid());
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    AboutDialog dialog;
    const auto *label = dialog.findChild<QLabel *>(objectName);
    QVERIFY(label);
    QVERIFY(label->openExternalLinks());
    QCOMPARE(label->textFormat(), Qt::RichText);
    QVERIFY2(label->text().contains(QStringLiteral("href=\"%1\"").arg(url.toString())),
             qPrintable(label->text()));
}

void TestAboutDialog::iconHasEverySize_data()
{
    QTest::addColumn<int>("size");
    for (int size : { 16, 32, 48, 64, 128, 256 })
        QTest::addRow("%dx%d", size, size) << size;
}

void TestAboutDialog::iconHasEverySize()
{
    QFETCH(int, size);
    // From the compiled-in resources: without them (agentfolio_resources not linked) the icon
    // would be null and the window would show the platform's generic icon.
    const QIcon icon = AboutDialog::applicationIcon();
    QVERIFY(!icon.isNull());
    const QPixmap pixmap = icon.pixmap(QSize(size, size), 1.0);
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.size(), QSize(size, size));
    // Not a blank square: the centre of the folder is opaque.
    const QImage image = pixmap.toImage();
    QCOMPARE(image.pixelColor(size / 2, size * 2 / 3).alpha(), 255);
}

void TestAboutDialog::windowIconIsTheSmallerPngs()
{
    const QIcon icon = AboutDialog::applicationWindowIcon();
    QCOMPARE(icon.availableSizes(),
             QList<QSize>(
                 { QSize(16, 16), QSize(32, 32), QSize(48, 48), QSize(64, 64), QSize(128, 128) }));
    for (const QSize &size : icon.availableSizes()) {
        const QPixmap pixmap = icon.pixmap(size, 1.0);
        QCOMPARE(pixmap.size(), size);
        QCOMPARE(pixmap.toImage().pixelColor(size.width() / 2, size.height() * 2 / 3).alpha(), 255);
    }
}

void TestAboutDialog::showsTheIcon()
{
    AboutDialog dialog;
    const auto *icon = dialog.findChild<QLabel *>(QStringLiteral("aboutIcon"));
    QVERIFY(icon);
    QVERIFY(!icon->pixmap().isNull());
    QVERIFY(!icon->accessibleName().isEmpty());
}

void TestAboutDialog::closes_data()
{
    QTest::addColumn<bool>("byKey");
    QTest::newRow("Close button") << false;
    QTest::newRow("Escape") << true;
}

void TestAboutDialog::closes()
{
    QFETCH(bool, byKey);
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("aboutButtons"));
    QVERIFY(buttons);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    QVERIFY(close);
    QVERIFY(close->isDefault());
    if (byKey)
        QTest::keyClick(&dialog, Qt::Key_Escape);
    else
        QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestAboutDialog::followsThePalette_data()
{
    QTest::addColumn<QColor>("window");
    QTest::addColumn<QColor>("text");
    QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(0x10, 0x10, 0x10);
    QTest::newRow("dark") << QColor(0x2a, 0x2a, 0x2e) << QColor(0xf0, 0xf0, 0xf0);
}

void TestAboutDialog::followsThePalette()
{
    QFETCH(QColor, window);
    QFETCH(QColor, text);
    const QPalette saved = QApplication::palette();
    QPalette palette = saved;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    QApplication::setPalette(palette);

    AboutDialog dialog;
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>() << &dialog;
    for (const QWidget *widget : widgets) {
        // No style sheet and no palette of its own: colours come from the system only.
        QVERIFY2(widget->styleSheet().isEmpty(), qPrintable(widget->objectName()));
        QVERIFY2(!widget->testAttribute(Qt::WA_SetPalette), qPrintable(widget->objectName()));
        QCOMPARE(widget->palette().color(QPalette::WindowText), text);
        QCOMPARE(widget->palette().color(QPalette::Window), window);
    }
    QApplication::setPalette(saved);
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
