// DeferredIconStyle: the application's style, whose menu-bar extension icon is loaded only
// when drawn, so that building and showing the main window loads no image plugin (issue 7's
// start-up budget).
#include "deferrediconstyle.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace agentfolio;

namespace {

// Where the platform tells: the image-format plugins mapped into this process.
bool imagePluginLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("/imageformats/");
}

bool samePixels(const QIcon &a, const QIcon &b, int size)
{
    const QImage left = a.pixmap(size, size).toImage();
    return !left.isNull() && left == b.pixmap(size, size).toImage();
}

} // namespace

class tst_DeferredIconStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // First, while this process has loaded no icon yet.
    void menuBarLoadsNoImagePluginUntilItsExtensionIconIsDrawn()
    {
#ifndef Q_OS_LINUX
        QSKIP("reads /proc/self/maps");
#endif
        QVERIFY(!imagePluginLoaded());
        QApplication::setStyle(new DeferredIconStyle(QStringLiteral("Fusion")));
        QMainWindow window;
        window.resize(640, 480);
        QMenuBar *bar = window.menuBar();
        bar->addMenu(QStringLiteral("&File"));
        auto *extension = bar->findChild<QToolButton *>(QStringLiteral("qt_menubar_ext_button"));
        QVERIFY(extension);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents(); // the first paint
        QVERIFY(extension->isHidden()); // the menus fit
        QVERIFY(!imagePluginLoaded());

        // Drawn, it is the base style's icon, whatever it takes to load it.
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(samePixels(extension->icon(),
                           fusion->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton), 16));
        const bool pluginsInstalled =
            !QDir(QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/imageformats"))
                 .isEmpty();
        QCOMPARE(imagePluginLoaded(), pluginsInstalled);
    }

    // On a high-DPI screen the icon is scaled once, as the base style's is.
    void extensionIconScalesOnce_data()
    {
        QTest::addColumn<qreal>("ratio");
        QTest::newRow("1") << 1.0;
        QTest::newRow("1.5") << 1.5;
        QTest::newRow("2") << 2.0;
    }
    void extensionIconScalesOnce()
    {
        QFETCH(qreal, ratio);
        DeferredIconStyle style(QStringLiteral("Fusion"));
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        const auto which = QStyle::SP_ToolBarHorizontalExtensionButton;
        const QIcon deferred = style.standardIcon(which);
        const QIcon base = fusion->standardIcon(which);
        for (int size : { 16, 24, 32 }) {
            const QPixmap ours = deferred.pixmap(QSize(size, size), ratio);
            const QPixmap theirs = base.pixmap(QSize(size, size), ratio);
            QCOMPARE(ours.size(), theirs.size());
            QCOMPARE(ours.devicePixelRatio(), theirs.devicePixelRatio());
            QCOMPARE(ours.toImage(), theirs.toImage());
        }
        QCOMPARE(deferred.actualSize(QSize(20, 20)), base.actualSize(QSize(20, 20)));
        QCOMPARE(deferred.availableSizes(), base.availableSizes());
    }

    void wrapsTheNamedStyle()
    {
        DeferredIconStyle style(QStringLiteral("Fusion"));
        QVERIFY(style.baseStyle());
        QCOMPARE(style.baseStyle()->name().toLower(), QStringLiteral("fusion"));
    }

    void everyIconLooksAsTheBaseStylesDoes_data()
    {
        QTest::addColumn<QStyle::StandardPixmap>("which");
        QTest::addColumn<bool>("withOption");
        QTest::newRow("horizontal extension")
            << QStyle::SP_ToolBarHorizontalExtensionButton << false;
        QTest::newRow("vertical extension, as tool bars ask")
            << QStyle::SP_ToolBarVerticalExtensionButton << false;
        QTest::newRow("horizontal extension, right to left")
            << QStyle::SP_ToolBarHorizontalExtensionButton << true;
        QTest::newRow("warning") << QStyle::SP_MessageBoxWarning << false;
        QTest::newRow("trash") << QStyle::SP_TrashIcon << false;
    }
    void everyIconLooksAsTheBaseStylesDoes()
    {
        QFETCH(QStyle::StandardPixmap, which);
        QFETCH(bool, withOption);
        DeferredIconStyle style(QStringLiteral("Fusion"));
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        QStyleOption rightToLeft;
        rightToLeft.direction = Qt::RightToLeft;
        const QStyleOption *option = withOption ? &rightToLeft : nullptr;
        const QIcon icon = style.standardIcon(which, option);
        for (int size : { 16, 32 })
            QVERIFY(samePixels(icon, fusion->standardIcon(which, option), size));
        // A copy draws the same, the first time or later.
        const QIcon copy = icon;
        QVERIFY(samePixels(copy, fusion->standardIcon(which, option), 16));
        QVERIFY(!icon.isNull());
    }
};

QTEST_MAIN(tst_DeferredIconStyle)
#include "tst_deferrediconstyle.moc"
