// News in the browser, on a 360 px phone: the trade union's chair publishes an article through the
// editor, its Markdown bold on the page and the <script> typed into it never run; a member opens
// it from their own page, reacts and comments with hostile HTML that shows as the text typed, nothing run; the chair
// hides the comment with a reason and the member no longer sees it. A photo story's pictures are
// scaled down in the browser before they are sent; a bulletin gathers the article and prints
// without the app around it. Screenshots of the news and of a post at 360 px and 1280 px, in
// Vietnamese and in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { answer, byTest, chooseOption, fitsThePhone, open, pageAs, settled, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };
const title = 'Hội thao công nhân viên chức chào năm mới 2027';
const body = 'Giải thể thao **đậm** tình đồng nghiệp.\n\n<script>window.__pwned=1</script>\n\n- Bóng đá\n- Cầu lông';
const hostile = '<img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script>';
const reason = 'Bình luận chứa mã lạ, không phù hợp.';

describe('news', () => {
  let app;
  let browser;
  let chairApi;
  let article;
  let album;
  let commentId;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chairApi = await apiSession(app.url, 'chutichcd');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the chair publishes an article: its Markdown is bold, the script typed into it never runs', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd');
    await open(chair, app.url, '/news');
    await byTest(chair, 'news-empty').waitFor();
    await byTest(chair, 'news-create').click();
    const form = byTest(chair, 'news-form-dialog');
    await form.waitFor();
    await settled(chair);
    await chair.locator('#news-title').fill(title);
    await chair.locator('#news-summary').fill('Ba môn thi đấu trong hai ngày cuối tuần.');
    await chair.locator('#news-body').fill(body);
    // The toolbar writes the marks for those who do not know them.
    await chair.locator('#news-body').press('Control+End');
    await chair.locator('#news-body').press('Enter');
    await chair.locator('#news-body').press('Enter');
    await byTest(chair, 'news-format-italic').click();
    assert.match(await chair.locator('#news-body').inputValue(), /\n\n\*In nghiêng\*$/);
    await fitsThePhone(chair, 'the editor');
    await viewportScreenshot(chair, 'news-phone-editor-vi');

    // The preview is the server's rendering: bold, and no script element.
    await form.getByRole('tab', { name: 'Xem trước' }).click();
    const preview = byTest(chair, 'news-preview');
    await preview.locator('strong', { hasText: 'đậm' }).waitFor();
    assert.equal(await preview.locator('script').count(), 0);
    await form.getByRole('tab', { name: 'Soạn' }).click();
    await byTest(chair, 'news-form-save').click();
    await form.waitFor({ state: 'hidden' });

    article = (await chairApi.get('/api/v1/news')).body.items[0];
    assert.equal(article.title, title);
    assert.equal(article.kind, 'article');
    const card = byTest(chair, `news-${article.id}`);
    await card.waitFor();
    await card.locator('[data-test="news-link"]').click();
    await chair.waitForURL(`**/news/${article.id}`);
    const shown = byTest(chair, 'news-post-body');
    assert.equal(await shown.locator('strong').first().innerText(), 'đậm');
    assert.equal(await shown.locator('script').count(), 0);
    assert.equal(await chair.evaluate(() => window.__pwned), undefined);

    // Pinned from its page for a week: the feed shows it on top, marked.
    await byTest(chair, 'news-pin').click();
    await byTest(chair, 'news-post').locator('[data-test="news-pinned"]').waitFor();
    await open(chair, app.url, '/news');
    await byTest(chair, `news-${article.id}`).locator('[data-test="news-pinned"]').waitFor();
    await chair.close();
  });

  test('a member reacts and comments with HTML, which shows as the text typed', async () => {
    // The member's own page lists the newest posts; the article is one tap away.
    const member = await pageAs(browser, app.url, 'doanvien');
    await until(() => new URL(member.url()).pathname === '/me', 'a member lands on their own page');
    await byTest(member, `home-news-${article.id}`).click();
    await byTest(member, 'news-post-body').waitFor();
    // Opening it is its reading: the chair and now the member.
    await until(async () => (await byTest(member, 'news-reads').innerText()) === '2 lượt đọc', 'the reading is counted');

    const like = byTest(member, 'news-react-like');
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    await like.click();
    await until(async () => (await like.getAttribute('aria-pressed')) === 'true', 'the reaction is the member\'s');
    assert.equal(await like.locator('[data-test="news-react-count"]').innerText(), '1');
    // Pressed again, it is taken back; once more, it stays.
    await like.click();
    await until(async () => (await like.getAttribute('aria-pressed')) === 'false', 'the reaction is taken back');
    assert.equal(await like.locator('[data-test="news-react-count"]').innerText(), '0');
    await like.click();
    await until(async () => (await like.locator('[data-test="news-react-count"]').innerText()) === '1', 'the reaction counts again');

    await member.locator('#news-comment').fill(hostile);
    await byTest(member, 'news-comment-send').click();
    const list = byTest(member, 'news-comment-list');
    const text = list.locator('[data-test="news-comment-text"]').first();
    await text.waitFor();
    assert.equal(await text.innerText(), hostile);
    assert.equal(await list.locator('img, script').count(), 0);
    assert.equal(await member.evaluate(() => window.__pwned), undefined);
    const post = (await chairApi.get(`/api/v1/news/${article.id}`)).body;
    assert.equal(post.reactions.like, 1);
    assert.equal(post.comments, 1);
    commentId = post.comment_list[0].id;
    assert.equal(post.comment_list[0].text, hostile);
    await fitsThePhone(member, 'the post');
    await screenshot(member, 'news-phone-post-member-vi');

    // The chair hides it with a reason: dimmed for the chair, gone for the member.
    const chair = await pageAs(browser, app.url, 'chutichcd');
    await open(chair, app.url, `/news/${article.id}`);
    const comment = byTest(chair, `news-comment-${commentId}`);
    await comment.locator('[data-test="news-comment-hide"]').click();
    const box = chair.locator('.el-message-box');
    await box.waitFor();
    await box.locator('textarea').fill(reason);
    await answer(chair, 'Ẩn');
    await comment.locator('[data-test="news-comment-reason"]').waitFor();
    assert.match(await comment.locator('[data-test="news-comment-reason"]').innerText(), new RegExp(reason));
    await comment.locator('[data-test="news-comment-restore"]').waitFor();
    assert.equal(await chair.evaluate(() => window.__pwned), undefined);

    await member.reload();
    await byTest(member, 'news-post-body').waitFor();
    await byTest(member, 'news-comments').getByText('Chưa có bình luận nào.').waitFor();
    assert.equal(await byTest(member, `news-comment-${commentId}`).count(), 0);
    await member.close();
    await chair.close();
  });

  test('a photo story: the pictures are scaled to 1,920 px in the browser, then sent one by one', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd');
    await open(chair, app.url, '/news');
    await byTest(chair, 'news-create').click();
    const form = byTest(chair, 'news-form-dialog');
    await form.waitFor();
    await settled(chair);
    await chooseOption(chair, 'news-kind', 'Phóng sự ảnh');
    await chair.locator('#news-title').fill('Ngày hội hiến máu tình nguyện');
    await chair.locator('#news-summary').fill('Hơn 80 đơn vị máu từ công chức, viên chức và người lao động.');
    await byTest(chair, 'news-form-save').click();
    // A photo story goes on to its page, where its photos are added.
    await chair.waitForURL(/\/news\/\d+$/);
    album = Number(new URL(chair.url()).pathname.split('/').pop());
    await byTest(chair, 'news-photo-upload').waitFor();

    // Two pictures drawn here: a camera's 3,000 × 2,000 and a small one, as PNG files.
    const drawn = await chair.evaluate(async () => {
      const draw = (width, height, hue) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d');
        const gradient = context.createLinearGradient(0, 0, width, height);
        gradient.addColorStop(0, `hsl(${hue}, 70%, 55%)`);
        gradient.addColorStop(1, `hsl(${hue + 60}, 70%, 35%)`);
        context.fillStyle = gradient;
        context.fillRect(0, 0, width, height);
        context.fillStyle = '#fff';
        context.beginPath();
        context.arc(width / 2, height / 2, height / 4, 0, 2 * Math.PI);
        context.fill();
        return canvas.toDataURL('image/png').split(',')[1];
      };
      return [draw(3000, 2000, 0), draw(800, 600, 200)];
    });
    await byTest(chair, 'news-photo-input').setInputFiles([
      { name: 'hien-mau.png', mimeType: 'image/png', buffer: Buffer.from(drawn[0], 'base64') },
      { name: 'nho.png', mimeType: 'image/png', buffer: Buffer.from(drawn[1], 'base64') },
    ]);
    await byTest(chair, 'news-photo-caption').first().fill('Những người hiến máu đầu tiên');
    await byTest(chair, 'news-photo-send').click();
    await until(async () => (await byTest(chair, 'news-photo').count()) === 2, 'both photos show in the gallery');
    await byTest(chair, 'news-photo-staged').waitFor({ state: 'detached' });

    const post = (await chairApi.get(`/api/v1/news/${album}`)).body;
    assert.deepEqual(post.photos.map((p) => [p.content_type, p.caption]), [['image/jpeg', 'Những người hiến máu đầu tiên'], ['image/png', '']]);
    const sizes = await chair.evaluate(async (urls) => Promise.all(urls.map((url) => new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve([image.naturalWidth, image.naturalHeight]);
      image.onerror = reject;
      image.src = url;
    }))), post.photos.map((p) => p.url));
    assert.deepEqual(sizes, [[1920, 1280], [800, 600]], 'the large one scaled to 1,920 px, the small one as it was');
    await fitsThePhone(chair, 'the photo story');
    await screenshot(chair, 'news-phone-album-vi');
    await chair.close();
  });

  test('a bulletin gathers the article and prints without the app around it', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd');
    await open(chair, app.url, '/news/bulletins');
    await byTest(chair, 'bulletins-empty').waitFor();
    await byTest(chair, 'bulletin-create').click();
    const form = byTest(chair, 'bulletin-form-dialog');
    await form.waitFor();
    await byTest(chair, `bulletin-post-${article.id}`).waitFor();
    await settled(chair);
    await chair.locator('#bulletin-title').fill('Bản tin Công đoàn');
    await chair.locator('#bulletin-number').fill('Số 12/2026');
    await chair.locator('#bulletin-introduction').fill('Những tin **nổi bật** của tháng.');
    // Chosen in this order, then the photo story moved first with its button.
    await byTest(chair, `bulletin-post-${article.id}`).click();
    await byTest(chair, `bulletin-post-${album}`).click();
    await byTest(chair, 'bulletin-order').getByRole('button', { name: 'Đưa “Ngày hội hiến máu tình nguyện” lên' }).click();
    assert.deepEqual(await byTest(chair, 'bulletin-order').locator('.order-title').allInnerTexts(), ['Ngày hội hiến máu tình nguyện', title]);
    await fitsThePhone(chair, 'the bulletin dialog');
    await viewportScreenshot(chair, 'news-phone-bulletin-dialog-vi');
    await byTest(chair, 'bulletin-form-save').click();
    await chair.waitForURL(/\/news\/bulletins\/\d+$/);

    const sheet = byTest(chair, 'bulletin');
    await sheet.waitFor();
    assert.equal(await byTest(chair, 'bulletin-title').innerText(), 'Bản tin Công đoàn');
    assert.equal(await byTest(chair, 'bulletin-issuer').innerText(), article.organization_name.toLocaleUpperCase('vi'));
    assert.match(await sheet.innerText(), /Số 12\/2026 · \d{2}\/\d{2}\/\d{4}/);
    assert.equal(await sheet.locator('.introduction strong').innerText(), 'nổi bật');
    const printed = byTest(chair, 'bulletin-post');
    assert.deepEqual(await printed.locator('h2').allInnerTexts(), ['Ngày hội hiến máu tình nguyện', title]);
    // The photo story with its first photo, the article with its text made safe.
    assert.equal(await printed.first().locator('img').getAttribute('alt'), 'Những người hiến máu đầu tiên');
    assert.equal(await printed.last().locator('strong').first().innerText(), 'đậm');
    assert.equal(await printed.locator('script').count(), 0);
    await fitsThePhone(chair, 'the bulletin');
    await screenshot(chair, 'news-phone-bulletin-vi');

    // On paper: no header, no menu, no buttons; A4 in a serif face.
    await chair.emulateMedia({ media: 'print' });
    assert.equal(await chair.locator('header').first().isVisible(), false);
    assert.equal(await byTest(chair, 'bulletin-print').isVisible(), false);
    assert.match(await sheet.evaluate((element) => getComputedStyle(element).fontFamily), /serif/);
    await chair.setViewportSize({ width: 794, height: 1123 });
    await settled(chair);
    await screenshot(chair, 'news-bulletin-print');
    await chair.close();
  });

  test('screenshots: the news and a post, on a phone and a desktop, in Vietnamese and in English', async () => {
    // A video (the still picture cannot load in the test's closed network: the site's name shows)
    // and an announcement, to show every kind of card.
    const video = await chairApi.post('/api/v1/news', {
      organization_id: article.organization_id, kind: 'video', title: 'Clip: Hội thao công đoàn năm 2026', summary: 'Những khoảnh khắc đáng nhớ.',
      video_url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', notify: false,
    });
    assert.equal(video.status, 201, JSON.stringify(video.body));
    const notice = await chairApi.post('/api/v1/news', {
      organization_id: article.organization_id, kind: 'announcement', title: 'Thông báo: lịch nghỉ Tết Dương lịch', body: 'Cơ quan nghỉ **ngày 01/01/2027**.', notify: false,
    });
    assert.equal(notice.status, 201, JSON.stringify(notice.body));

    for (const language of ['vi', 'en']) {
      for (const [size, name] of [[undefined, 'phone'], [desktop, 'desktop']]) {
        const page = await pageAs(browser, app.url, 'chutichcd', { language, ...(size ? { size } : {}) });
        await open(page, app.url, '/news');
        await byTest(page, `news-${video.body.id}`).waitFor();
        await byTest(page, `news-${notice.body.id}`).locator('[data-test="news-announcement"] strong').waitFor();
        // The player loads only when asked.
        assert.equal(await page.locator('iframe').count(), 0);
        await page.waitForLoadState('networkidle');
        await settled(page);
        if (name === 'phone') await fitsThePhone(page, `the news (${language})`);
        await screenshot(page, `news-${name}-${language}`);

        await open(page, app.url, `/news/${article.id}`);
        await byTest(page, 'news-post-body').waitFor();
        await page.waitForLoadState('networkidle');
        await settled(page);
        if (name === 'phone') await fitsThePhone(page, `the post (${language})`);
        await screenshot(page, `news-post-${name}-${language}`);
        await page.close();
      }
    }

    // Pressing play puts the site's privacy-enhanced player in place of the picture.
    const page = await pageAs(browser, app.url, 'doanvien');
    await open(page, app.url, `/news/${video.body.id}`);
    await byTest(page, 'news-video-play').click();
    const player = byTest(page, 'news-video-player');
    await player.waitFor({ state: 'attached' });
    assert.match(await player.getAttribute('src'), /^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?autoplay=1$/);
    assert.match(await player.getAttribute('allow'), /fullscreen/);
    await page.close();
  });
});
