/** UI strings of the curators' page of the assistant's choices (system administrators), under 'searchCuration'. */
export const vi = {
  title: 'Câu hỏi gửi trợ lý và lựa chọn của người dân',
  intro:
    'Những câu hỏi trợ lý đã đưa ra gợi ý “Có phải bạn muốn…”, người dân chọn thủ tục nào, và bao nhiêu lần không thủ tục nào phù hợp. Câu hỏi được lưu ẩn danh (chữ số được che). Dùng để bổ sung từ đồng nghĩa và cụm từ cho trợ lý.',
  question: 'Câu hỏi (ẩn danh)',
  times: 'Số lần hỏi',
  picked: 'Thủ tục được chọn',
  noneOfThese: '“Không phải các thủ tục này”',
  lastAt: 'Lần gần nhất',
  sortBy: 'Sắp xếp theo {{column}}',
  sorted: 'đang sắp xếp',
  noPick: 'Chưa ai chọn thủ tục nào',
  unknownProcedure: 'Thủ tục không còn trong danh mục',
  pickTimes: '{{count}} lần',
  empty: 'Chưa có câu hỏi nào được ghi nhận.',
  total: '{{count}} câu hỏi khác nhau',
  previous: 'Trang trước',
  next: 'Trang sau',
  page: 'Trang {{page}}/{{pages}}',
};

export const en: typeof vi = {
  title: "Questions asked to the assistant and people's choices",
  intro:
    'The questions for which the assistant offered "Did you mean…", which procedure people picked, and how often none fitted. Questions are stored anonymously (digits masked). Use it to add synonyms and phrases to the assistant.',
  question: 'Question (anonymised)',
  times: 'Times asked',
  picked: 'Procedures picked',
  noneOfThese: '"None of these"',
  lastAt: 'Latest',
  sortBy: 'Sort by {{column}}',
  sorted: 'sorted',
  noPick: 'Nobody picked a procedure yet',
  unknownProcedure: 'Procedure no longer in the catalog',
  pickTimes: '{{count}} times',
  empty: 'No question recorded yet.',
  total: '{{count}} distinct questions',
  previous: 'Previous page',
  next: 'Next page',
  page: 'Page {{page}} of {{pages}}',
};
