"""The lesson lab's page run on its own, without the app's navigation: the page must guard itself."""

from medialit.ui.teacher import lab

lab.page()
