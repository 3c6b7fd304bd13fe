import { describe, expect, it } from 'vitest';
import {
  CUE_WORDS,
  cueFactor,
  fieldEntityCues,
  levelCue,
  negationFactor,
  queryCues,
  recordCues,
} from './query-cues.js';
import { tokenize } from './text.js';

const q = (s: string) => queryCues(tokenize(s));
const r = (s: string) => recordCues(tokenize(s));
const factor = (question: string, name: string) => {
  const words = new Set(tokenize(name));
  return cueFactor(q(question), r(name)) * negationFactor(q(question), (w) => words.has(w));
};

describe('intent cues', () => {
  it('reads first registration, re-issue, exchange, extension, change, cancellation and confirmation', () => {
    expect([...q('làm sổ đỏ lần đầu').intents]).toEqual(['first']);
    expect([...q('bị mất hộ chiếu').intents]).toEqual(['reissue']);
    expect([...q('sổ cũ rách nát muốn đổi sang sổ mới').intents]).toContain('exchange');
    expect([...q('giấy phép xây dựng 12 tháng chưa khởi công').intents]).toEqual(['extension']);
    expect([...q('giấy khai sinh bị sai tên').intents]).toEqual(['change']);
    expect([...q('xóa đăng ký tạm trú').intents]).toEqual(['cancellation']);
    expect([...q('xin xác nhận tình trạng hôn nhân').intents]).toEqual(['confirmation']);
  });

  it('does not read a death as a lost paper, nor "xây dựng" or "huy động" as a cancellation', () => {
    expect(q('bố tôi mới mất').intents.size).toBe(0);
    expect(q('ông cụ mất ở nhà').intents.size).toBe(0);
    expect(q('xin giấy phép xây dựng').intents.size).toBe(0);
    expect(q('dự án huy động vốn').intents.size).toBe(0);
    expect(q('rút bảo hiểm xã hội một lần').intents.size).toBe(0);
  });

  it('prefers the variant the question names, and the base procedure when it names none', () => {
    const base = 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV';
    const extend = 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV';
    const asked = 'giấy phép xây dựng 12 tháng chưa khởi công';
    expect(factor(asked, extend)).toBeGreaterThan(factor(asked, base));
    expect(factor('xin giấy phép xây nhà', base)).toBeGreaterThan(factor('xin giấy phép xây nhà', extend));
    expect(factor('mất sổ đỏ', 'Cấp lại Giấy chứng nhận do bị mất')).toBeGreaterThan(
      factor('mất sổ đỏ', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất'),
    );
  });
});

describe('subject cues', () => {
  it('reads a foreign element from nationalities, not from "lao động" or "tư pháp"', () => {
    expect(q('con tôi có bố là người Pháp').subjects.has('foreign')).toBe(true);
    expect(q('cưới chồng người Hàn Quốc').subjects.has('foreign')).toBe(true);
    expect(q('vợ chồng tôi ở Pháp muốn nhận con nuôi').subjects.has('foreign')).toBe(true);
    expect(q('người lao động bị tai nạn').subjects.has('foreign')).toBe(false);
    expect(q('xin lý lịch tư pháp').subjects.has('foreign')).toBe(false);
  });

  it('ranks the foreign-element procedure first for a foreign parent, the ordinary one otherwise', () => {
    const plain = 'Thủ tục đăng ký khai sinh';
    const foreign = 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài';
    const asked = 'khai sinh cho con, bố là người Pháp';
    expect(factor(asked, foreign)).toBeGreaterThan(factor(asked, plain));
    expect(factor('khai sinh cho con', plain)).toBeGreaterThan(factor('khai sinh cho con', foreign));
  });

  it('reads an official coming to the applicant (lưu động), an organisation, an elderly person', () => {
    expect(q('ông bà không đi được, cán bộ xuống tận nhà').subjects.has('mobile')).toBe(true);
    expect(q('công ty tôi muốn thuê đất').subjects.has('organisation')).toBe(true);
    expect(q('má tui 82 tuổi hổng có lương hưu').subjects.has('elderly')).toBe(true);
    expect(r('Thủ tục đăng ký kết hôn lưu động').subjects.has('mobile')).toBe(true);
  });
});

describe('negation', () => {
  it('takes what follows "không" as not applying, skipping "có", "để lại"', () => {
    expect(q('bố mẹ mất không để lại di chúc').negated).toEqual(['di chuc']);
    expect(q('má tui hổng có lương hưu').negated).toEqual(['luong huu']);
  });

  it('lowers procedures named for what does not apply', () => {
    const asked = 'bố mẹ mất không để lại di chúc, chia đất thế nào';
    expect(factor(asked, 'Chứng thực di chúc')).toBeLessThan(factor(asked, 'Chứng thực văn bản phân chia di sản'));
  });

  it('keeps "không đi được" and "không còn giấy" as cues, not exclusions', () => {
    expect(q('không đi được').negated).toEqual([]);
    expect(q('không còn giấy khai sinh').negated).toEqual([]);
  });
});

describe('construction grade cues', () => {
  const high = 'Cấp lại giấy phép xây dựng đối với công trình cấp đặc biệt, cấp I, cấp II';
  const low = 'Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV';

  it('reads the grade in Roman or Arabic numerals, not "trợ cấp 1 lần"', () => {
    expect([...q('mất giấy phép xây dựng công trình cấp I').subjects]).toEqual(['gradeHigh']);
    expect([...q('điều chỉnh giấy phép xây dựng công trình cấp 2').subjects]).toEqual(['gradeHigh']);
    expect([...q('xây nhà cấp 4').subjects]).toEqual(['gradeLow']);
    expect([...r(high).subjects]).toEqual(['gradeHigh']);
    expect([...r(low).subjects]).toEqual(['gradeLow']);
    expect(q('xin trợ cấp 1 lần').subjects.size).toBe(0);
    expect(q('hưởng phụ cấp 2 tháng').subjects.size).toBe(0);
    // the grade's words stay topic words: a curated phrase must still explain them
    expect(CUE_WORDS.has('i')).toBe(false);
    expect(CUE_WORDS.has('biet')).toBe(false);
  });

  it('prefers the grade asked for, and the commune grade when none is named', () => {
    expect(factor('mất giấy phép xây dựng công trình cấp I', high)).toBeGreaterThan(
      factor('mất giấy phép xây dựng công trình cấp I', low),
    );
    expect(factor('mất giấy phép xây nhà cấp 4', low)).toBeGreaterThan(factor('mất giấy phép xây nhà cấp 4', high));
    expect(factor('mất giấy phép xây dựng', low)).toBeGreaterThan(factor('mất giấy phép xây dựng', high));
  });
});

describe('cues added in the third round (2026-11-30)', () => {
  it('reads a lost card after "nước ngoài", but a death after a grandparent', () => {
    expect([...q('người nước ngoài mất thẻ thường trú').intents]).toEqual(['reissue']);
    expect(q('ông ngoại mất năm ngoái').intents.size).toBe(0);
    expect(q('bà nội mất').intents.size).toBe(0);
  });

  it('keeps the catalog terms that begin with "không" as words, not exclusions', () => {
    expect(q('người không quốc tịch muốn xuất cảnh').negated).toEqual([]);
    expect(q('thuê đất không qua đấu giá').negated).toEqual([]);
    expect(q('bố mẹ mất không để lại di chúc').negated).toEqual(['di chuc']);
  });

  it('reads naturalisation as a foreign element', () => {
    expect([...r('Nhập quốc tịch Việt Nam ở trong nước').subjects]).toEqual(['foreign']);
    expect(factor('chồng tôi người Mỹ muốn nhập quốc tịch', 'Nhập quốc tịch Việt Nam ở trong nước')).toBeGreaterThan(1);
  });

  it('reads the channel: online ("trên mạng") against "một phần hoặc trực tiếp"', () => {
    const online = 'Cấp lại chứng nhận đăng ký xe thực hiện bằng dịch vụ công trực tuyến toàn trình';
    const desk = 'Cấp lại chứng nhận đăng ký xe thực hiện bằng dịch vụ công trực tuyến một phần hoặc trực tiếp';
    expect([...q('mất cà vẹt làm lại trên mạng').subjects]).toContain('online');
    expect([...r(online).subjects]).toEqual(['online']);
    expect([...r(desk).subjects]).toEqual(['inPerson']);
    expect(factor('làm lại trên mạng', online)).toBeGreaterThan(factor('làm lại trên mạng', desk));
    // a question that names no channel does not ask for the online-only variant
    expect(factor('đăng ký xe tạm thời', desk)).toBeGreaterThan(factor('đăng ký xe tạm thời', online));
  });

  it('reads a company against a household business as excluding each other', () => {
    const household = 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh';
    const company = 'Thông báo tạm ngừng kinh doanh của doanh nghiệp';
    expect([...r(household).subjects]).toEqual(['household']);
    const asked = 'công ty muốn tạm ngừng kinh doanh';
    expect(factor(asked, company) / factor(asked, household)).toBeGreaterThan(1.5);
    expect(factor('hộ kinh doanh tạm ngừng', company)).toBeLessThan(factor('hộ kinh doanh tạm ngừng', household));
  });
});

describe('level cue', () => {
  it('reads the province or the commune a question names, and nothing from "tình trạng" or a place name', () => {
    expect(levelCue(tokenize('nộp hồ sơ lên Sở Tư pháp'))).toBe('province');
    expect(levelCue(tokenize('UBND tỉnh chấp thuận chủ trương'))).toBe('province');
    expect(levelCue(tokenize('ra UBND xã xin xác nhận'))).toBe('commune');
    expect(levelCue(tokenize('xác nhận tình trạng hôn nhân'))).toBeUndefined();
    expect(levelCue(tokenize('chuyển mục đích sử dụng rừng ở Nghệ An'))).toBeUndefined();
    expect(levelCue(tokenize('hồ sơ ở cấp xã hay cấp tỉnh'))).toBeUndefined();
  });
});

describe('cues added in session 6 (dev misses in land, construction, business, residence)', () => {
  it("reads stopping one's own application as a withdrawal, not a dissolution", () => {
    expect([...q('xin dừng thủ tục đăng ký doanh nghiệp đang làm').intents]).toEqual(['withdrawal']);
    // synonyms.ts reads "giải thể" as "chấm dứt hoạt động": "dừng giải thể" stays a withdrawal
    expect([...q('dừng chấm dứt hoạt động hợp tác xã').intents]).toEqual(['withdrawal']);
    expect([...q('giải thể hợp tác xã').intents]).toEqual(['cancellation']);
    expect([...q('xin dừng kinh doanh').intents]).toEqual(['cancellation']);
    const stop = 'Dừng thực hiện thủ tục đăng ký tổ hợp tác, hợp tác xã; Dừng thực hiện thủ tục giải thể hợp tác xã';
    const dissolve = 'Đăng ký giải thể hợp tác xã, liên hiệp hợp tác xã';
    expect([...r(stop).intents]).toContain('withdrawal');
    expect(r(dissolve).intents.has('withdrawal')).toBe(false);
    const asked = 'xin dừng thủ tục giải thể hợp tác xã';
    expect(factor(asked, stop)).toBeGreaterThan(factor(asked, dissolve));
    expect(factor('giải thể hợp tác xã', dissolve)).toBeGreaterThan(factor('giải thể hợp tác xã', stop));
  });

  it('reads locking and unlocking an e-identity, not "khoa học" or "mỏ khoáng sản"', () => {
    expect([...q('khóa tài khoản căn cước điện tử vì bị lộ').intents]).toEqual(['lock']);
    expect([...q('mở khóa căn cước điện tử').intents]).toEqual(['unlock']);
    expect(q('nghiên cứu khoa học').intents.size).toBe(0);
    expect(r('Phê duyệt đề án đóng cửa mỏ khoáng sản').intents.has('unlock')).toBe(false);
    const lock = 'Khóa căn cước điện tử (thực hiện tại cấp tỉnh)';
    const unlock = 'Mở khóa căn cước điện tử (thực hiện tại cấp tỉnh)';
    const issue = 'Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử';
    expect([...r(lock).intents]).toEqual(['lock']);
    expect([...r(unlock).intents]).toEqual(['unlock']);
    const asked = 'khóa tài khoản căn cước điện tử';
    expect(factor(asked, lock)).toBeGreaterThan(factor(asked, unlock));
    // a curated phrase's procedure that is the base when a variant is asked falls below the phrase gate (0.8)
    expect(cueFactor(q(asked), r(issue), true)).toBeLessThan(0.8);
    expect(cueFactor(q('cấp tài khoản định danh điện tử'), r(issue), true)).toBe(1);
  });

  it('lowers a phrase\'s procedure that agrees on "lần đầu" but not on the correction asked', () => {
    const asked = 'sổ đỏ cấp lần đầu bị ghi sai tên';
    expect([...q(asked).intents].sort()).toEqual(['change', 'first']);
    expect(cueFactor(q(asked), r('Đăng ký đất đai, cấp Giấy chứng nhận lần đầu'), true)).toBeLessThan(0.8);
    expect(cueFactor(q(asked), r('Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót'), true)).toBe(1);
  });

  it('reads "đổi giấy / thẻ / sổ" as an exchange, not "thay đổi giấy" or "chuyển đổi"', () => {
    expect([...q('đổi giấy chứng nhận đăng ký đầu tư').intents]).toEqual(['exchange']);
    expect([...q('đổi thẻ căn cước').intents]).toEqual(['exchange']);
    expect(q('thay đổi giấy chứng nhận').intents.has('exchange')).toBe(false);
    expect(q('chuyển đổi sổ tiết kiệm').intents.has('exchange')).toBe(false);
    const asked = 'đổi giấy chứng nhận đăng ký đầu tư theo thủ tục đặc biệt';
    expect(
      factor(asked, 'Thủ tục cấp đổi Giấy chứng nhận đăng ký đầu tư theo thủ tục đầu tư đặc biệt'),
    ).toBeGreaterThan(factor(asked, 'Thủ tục cấp Giấy chứng nhận đăng ký đầu tư theo thủ tục đầu tư đặc biệt'));
  });

  it('reads "qua Trang thông tin điện tử" in a name as the online channel', () => {
    const web = 'Khai báo tạm trú cho người nước ngoài tại Việt Nam qua Trang thông tin điện tử';
    const paper = 'Khai báo tạm trú cho người nước ngoài tại Việt Nam bằng Phiếu khai báo tạm trú';
    expect(r(web).subjects.has('online')).toBe(true);
    const asked = 'khách sạn khai báo tạm trú cho khách nước ngoài qua mạng';
    expect(factor(asked, web)).toBeGreaterThan(factor(asked, paper));
  });

  it('reads an official coming over ("cán bộ xuống làm") as lưu động, not "nhà xuống cấp"', () => {
    expect(q('cán bộ xuống làm khai tử tại nhà').subjects.has('mobile')).toBe(true);
    expect(q('nhà xuống cấp cần sửa').subjects.has('mobile')).toBe(false);
  });

  it('counts single-word cues as cue words, not the parts of longer patterns', () => {
    expect(CUE_WORDS.has('mat')).toBe(true);
    expect(CUE_WORDS.has('cong')).toBe(false); // of "công ty": a topic word in "nhà ở công"
    expect(CUE_WORDS.has('nha')).toBe(false); // of "tại nhà"
  });
});

describe('"sửa chữa" is a repair', () => {
  it('does not read "sửa chữa nhà" as a correction, but "sửa tên" is one', () => {
    expect(q('xin giấy phép sửa chữa nhà').intents.has('change')).toBe(false);
    expect(q('sửa tên trong giấy khai sinh').intents.has('change')).toBe(true);
  });
});

describe('an intent a name excludes', () => {
  it('does not read "… không thay đổi nội dung đăng ký" as a change', () => {
    const notice =
      'Thông báo về việc sáp nhập công ty trong trường hợp sau sáp nhập công ty, công ty nhận sáp nhập không thay đổi nội dung đăng ký doanh nghiệp';
    const change = 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp đối với công ty nhận sáp nhập';
    expect(r(notice).intents.has('change')).toBe(false);
    expect(r(change).intents.has('change')).toBe(true);
    const asked = 'công ty nhận sáp nhập thay đổi đăng ký doanh nghiệp';
    expect(factor(asked, change)).toBeGreaterThan(factor(asked, notice));
  });
});

describe('the kind of business (session 7, task 18g)', () => {
  it('reads an enterprise, a cooperative or a household business from the question and the name', () => {
    expect(q('công ty muốn đổi tên').subjects.has('enterprise')).toBe(true);
    expect(q('hợp tác xã thay đổi địa chỉ').subjects.has('cooperative')).toBe(true);
    expect(r('Đăng ký giải thể hợp tác xã, liên hiệp hợp tác xã').subjects.has('cooperative')).toBe(true);
  });

  it('lowers a cooperative procedure for a company and an enterprise one for a cooperative', () => {
    const coop = { intents: new Set<never>(), subjects: new Set(['cooperative'] as const) };
    const firm = { intents: new Set<never>(), subjects: new Set(['enterprise'] as const) };
    expect(cueFactor(q('chi nhánh công ty'), coop)).toBeLessThan(cueFactor(q('chi nhánh công ty'), firm));
    expect(cueFactor(q('chi nhánh hợp tác xã'), firm)).toBeLessThan(cueFactor(q('chi nhánh hợp tác xã'), coop));
    // a name holding both ("thành lập doanh nghiệp của hợp tác xã") contradicts neither
    const both = r('Thông báo về việc thành lập doanh nghiệp của hợp tác xã');
    expect(cueFactor(q('hợp tác xã lập công ty'), both)).toBeGreaterThanOrEqual(1);
  });

  it('takes the kind of business from a founding-and-running field when the name names none', () => {
    expect(fieldEntityCues(tokenize('Thành lập và hoạt động của doanh nghiệp'))).toEqual(['enterprise']);
    expect(fieldEntityCues(tokenize('Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)'))).toEqual(['household']);
    expect(fieldEntityCues(tokenize('Thành lập và hoạt động của tổ hợp tác, hợp tác xã'))).toEqual(['cooperative']);
    // other fields say nothing about the applicant's business ("Hỗ trợ doanh nghiệp nhỏ và vừa")
    expect(fieldEntityCues(tokenize('Hỗ trợ doanh nghiệp nhỏ và vừa'))).toEqual([]);
  });
});

describe('withdrawing an application, a worn certificate (session 7, task 18g)', () => {
  it('reads stopping an application already filed as its withdrawal, stopping a business as a cancellation', () => {
    expect([...q('đã nộp hồ sơ đăng ký hộ kinh doanh giờ không muốn làm nữa').intents]).toEqual(['withdrawal']);
    expect([...q('tiệm tạp hóa không kinh doanh nữa').intents]).toEqual(['cancellation']);
  });

  it('reads a smudged certificate ("bị nhòe") as an exchange', () => {
    expect([...q('sổ đỏ bị nhòe chữ').intents]).toEqual(['exchange']);
  });
});
